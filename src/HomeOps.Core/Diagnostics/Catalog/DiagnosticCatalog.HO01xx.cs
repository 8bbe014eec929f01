namespace HomeOps.Core.Diagnostics;

// HO01xx: the environment HomeOps runs in (external programs and their versions).
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor ToolNotFound = Error(
        "HO0101", "tool-not-found", "Required program not installed",
        "'{0}' is needed {1} but was not found on PATH",
        "Install it with 'mise install' (the repository's .mise.toml pins every tool), or put it on PATH");

    public static readonly DiagnosticDescriptor ToolVersionUnsupported = Error(
        "HO0102", "tool-version-unsupported", "Program version not supported",
        "'{0}' is version {1}; HomeOps needs {2}",
        "Install a supported version with 'mise install'");

    public static readonly DiagnosticDescriptor ToolFailed = Error(
        "HO0103", "tool-failed", "External program failed",
        "'{0}' exited with code {1}: {2}",
        "Run the command shown above by hand to see its full output");

    public static readonly DiagnosticDescriptor ToolTimedOut = Error(
        "HO0104", "tool-timed-out", "External program timed out",
        "'{0}' did not finish within {1} s",
        "Check that the program is not waiting for input or the network; rerun with a longer --timeout if it is slow");

    public static readonly DiagnosticDescriptor DiffBaseUnknown = Error(
        "HO0105", "diff-base-unknown", "Revision to compare with not found",
        "Cannot compare with '{0}': {1}",
        "Pass --base with a branch, tag or commit git knows (e.g. --base main), from inside the repository");

    public static readonly DiagnosticDescriptor SchemaFolderNotFound = Error(
        "HO0120", "schema-folder-not-found", "Schema folder not found",
        "Schema folder '{0}' does not exist",
        "Check the folder given with --schemas (or listed under 'schemas:' in .homeops.yaml); it must hold CRD manifests");
}
