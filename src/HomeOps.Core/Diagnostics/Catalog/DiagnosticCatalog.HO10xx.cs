namespace HomeOps.Core.Diagnostics;

// HO10xx: the shape of cluster.yaml (keys, types, formats).
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor UnknownKey = Error(
        "HO1001", "unknown-key", "Unknown key",
        "Unknown key '{0}' in {1}",
        "{2}");

    public static readonly DiagnosticDescriptor WrongType = Error(
        "HO1002", "wrong-type", "Value has the wrong type",
        "{0} must be {1}, found {2}",
        "Write {1} here");

    public static readonly DiagnosticDescriptor MissingRequired = Error(
        "HO1003", "missing-required", "Required value missing",
        "{0} is required but {1}",
        "Add '{2}:' to {3}; 'homeops config schema' and docs/cluster-config.md describe it");

    public static readonly DiagnosticDescriptor InvalidFormat = Error(
        "HO1004", "invalid-format", "Value has the wrong format",
        "{0} '{1}' {2}",
        "Write {3}");

    public static readonly DiagnosticDescriptor OutOfRange = Error(
        "HO1005", "out-of-range", "Number out of range",
        "{0} is {1}, outside the allowed range {2}-{3}",
        "Use a value from {2} to {3}");

    public static readonly DiagnosticDescriptor NotAllowedValue = Error(
        "HO1006", "value-not-allowed", "Value not allowed",
        "{0} '{1}' is not one of {2}",
        "{3}");

    public static readonly DiagnosticDescriptor ItemCount = Error(
        "HO1007", "item-count", "Wrong number of list items",
        "{0} has {1} item(s); it needs {2}",
        "Add or remove items so that {0} has {2}");
}
