namespace HomeOps.Core.Diagnostics;

// HO00xx: reading input files (existence, YAML syntax, structure shared by every YAML file).
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor FileNotFound = Error(
        "HO0001", "file-not-found", "File not found",
        "File '{0}' does not exist",
        "Check the path, or pass the file explicitly with --file") with { EnvironmentProblem = true };

    public static readonly DiagnosticDescriptor FileUnreadable = Error(
        "HO0002", "file-unreadable", "File cannot be read",
        "File '{0}' cannot be read: {1}",
        "Check the file's permissions and that it is a regular file") with { EnvironmentProblem = true };

    public static readonly DiagnosticDescriptor YamlSyntax = Error(
        "HO0003", "yaml-syntax", "YAML syntax error",
        "YAML syntax error: {0}",
        "Fix the YAML at this position; check indentation, quoting and that tabs are not used for indentation");

    public static readonly DiagnosticDescriptor YamlDuplicateKey = Error(
        "HO0004", "yaml-duplicate-key", "Duplicate key",
        "Key '{0}' appears more than once in this mapping (first at line {1})",
        "Remove one of the two '{0}' entries; YAML tools disagree on which one wins");

    public static readonly DiagnosticDescriptor YamlTooDeep = Error(
        "HO0005", "yaml-too-deep", "YAML nested too deeply",
        "YAML is nested more than {0} levels deep",
        "Flatten the structure; no HomeOps file needs this depth");

    public static readonly DiagnosticDescriptor YamlMultipleDocuments = Error(
        "HO0006", "yaml-multiple-documents", "More than one YAML document",
        "This file must hold exactly one YAML document, found {0}",
        "Remove the extra '---' separators and documents");

    public static readonly DiagnosticDescriptor YamlEmptyDocument = Error(
        "HO0007", "yaml-empty-document", "Empty YAML document",
        "The file is empty",
        "Start from the bundled cluster.yaml, or run 'homeops config schema' to see every key");

    public static readonly DiagnosticDescriptor YamlComplexKey = Error(
        "HO0008", "yaml-complex-key", "Mapping key is not a scalar",
        "A mapping key must be a plain scalar, found a {0}",
        "Use a plain string as the key");

    public static readonly DiagnosticDescriptor YamlUnknownAlias = Error(
        "HO0009", "yaml-unknown-alias", "Unknown YAML alias",
        "Alias '*{0}' refers to no anchor defined before it",
        "Define the anchor '&{0}' before using it, or write the value out");

    public static readonly DiagnosticDescriptor FileTooLarge = Error(
        "HO0010", "file-too-large", "File too large",
        "File '{0}' is {1} bytes; the limit is {2} bytes",
        "Configuration files are small; check that the right file was given");
}
