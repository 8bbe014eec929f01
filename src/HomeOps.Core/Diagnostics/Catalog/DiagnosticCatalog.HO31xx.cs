namespace HomeOps.Core.Diagnostics;

// HO31xx: schemas of the objects the tree builds.
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor SchemaUnknownField = Error(
        "HO3101", "schema-unknown-field", "Unknown field",
        "{0}: {1} at {2}",
        "Remove the field or fix its spelling; the {3} schema does not have it (the API server rejects or drops it)");

    public static readonly DiagnosticDescriptor SchemaWrongType = Error(
        "HO3102", "schema-wrong-type", "Field has the wrong type",
        "{0}: {2} {1}",
        "Write the type the {3} schema expects");

    public static readonly DiagnosticDescriptor SchemaMissingRequired = Error(
        "HO3103", "schema-missing-required", "Required field missing",
        "{0}: {1} at {2}",
        "Add the field; the {3} schema requires it");

    public static readonly DiagnosticDescriptor SchemaValueNotAllowed = Error(
        "HO3104", "schema-value-not-allowed", "Value not allowed by the schema",
        "{0}: {2} {1}",
        "Use one of the values the {3} schema allows");

    public static readonly DiagnosticDescriptor SchemaMissing = Info(
        "HO3105", "schema-missing", "No schema for a kind",
        "No schema for {0} ({1} object(s)); not checked",
        "Add the CRD to the tree, or point --schemas (or 'schemas:' in .homeops.yaml) at a folder holding it");

    public static readonly DiagnosticDescriptor ApiVersionNotServed = Error(
        "HO3106", "api-version-not-served", "apiVersion not served",
        "{0} uses apiVersion {1}, which {2} does not serve for kind {3}",
        "Use {4}");

    public static readonly DiagnosticDescriptor BuiltinSchemasUnavailable = Info(
        "HO3107", "builtin-schemas-unavailable", "No built-in schemas for this Kubernetes version",
        "HomeOps has no built-in schemas for Kubernetes {0}; built-in kinds were checked against Kubernetes {1}",
        "Fields added or removed between the two versions may be misjudged; see docs/validate.md for adding a version");
}
