namespace HomeOps.Core.Diagnostics;

// HO01xx: the environment HomeOps runs in (external programs and their versions).
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor ToolNotFound = Error(
        "HO0101", "tool-not-found", "Required program not installed",
        "'{0}' is needed {1} but was not found on PATH",
        "Install it with 'mise install' (the repository's .mise.toml pins every tool), or put it on PATH") with { EnvironmentProblem = true };

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
        "Pass --base with a branch, tag or commit git knows (e.g. --base main), from inside the repository") with { EnvironmentProblem = true };

    public static readonly DiagnosticDescriptor SchemaFolderNotFound = Error(
        "HO0120", "schema-folder-not-found", "Schema folder not found",
        "Schema folder '{0}' does not exist",
        "Check the folder given with --schemas (or listed under 'schemas:' in .homeops.yaml); it must hold CRD manifests");

    public static readonly DiagnosticDescriptor InitClusterFileExists = Error(
        "HO0121", "init-cluster-file-exists", "cluster.yaml already exists",
        "'{0}' already exists; homeops init does not replace it",
        "Pass --force to replace it (commit the old one first if you want it back), or --file to write another file");

    public static readonly DiagnosticDescriptor InitAnswerMissing = Error(
        "HO0122", "init-answer-missing", "An answer homeops init needs is missing",
        "homeops init needs '{0}', which was not given",
        "Pass {1}, put '{0}' in the answers file (--answers), or run 'homeops init' in a terminal to be asked");

    public static readonly DiagnosticDescriptor InitUlaPrefixInvalid = Error(
        "HO0123", "ipv6-prefix-not-ula-48", "IPv6 prefix is not a unique local /48",
        "'{0}' is not a unique local /48 prefix (RFC 4193: fd00::/8 followed by a 40-bit global ID)",
        "Give a /48 inside fd00::/8 such as fd47:25e1:2f96::/48, or leave it out and init draws a random one");

    public static readonly DiagnosticDescriptor InitAddressPlanExhausted = Error(
        "HO0124", "address-plan-exhausted", "No free network left for the address plan",
        "No {0} can be derived that stays private and clear of the node network {1}",
        "Choose the network yourself with {2}");

    public static readonly DiagnosticDescriptor InitInstallDiskInvalid = Error(
        "HO0125", "install-disk-spec-invalid", "Install disk selector not understood",
        "'{0}' is not an install disk selector: {1}",
        "Write a model glob such as APPLE*, or comma-separated key=value pairs of model, serial, wwid, busPath, size and type (type=nvme,size=>= 200GB)");

    public static readonly DiagnosticDescriptor InitLoadBalancerNetworkTooSmall = Error(
        "HO0126", "load-balancer-network-too-small", "Load-balancer network too small",
        "The load-balancer network {0} is not an IPv4 network of at least /24; the pools use addresses .50 to .220 of its first /24",
        "Give an IPv4 /24 (or larger) that the router sends to the cluster, such as 10.20.1.0/24");

    public static readonly DiagnosticDescriptor ToolMissing = Error(
        "HO0127", "tool-missing", "Program not found",
        "'{0}' ({1}) was not found on PATH, in mise's shims or in the repository's .tools/bin",
        "{2}");

    public static readonly DiagnosticDescriptor ToolVersionNotPinned = Warning(
        "HO0128", "tool-version-not-pinned", "Program version differs from .mise.toml",
        "'{0}' is version {1}; .mise.toml pins {2}",
        "'mise install' installs the pinned version (run it in the repository, or with 'mise activate' in your shell)");

    public static readonly DiagnosticDescriptor ToolOptionalMissing = Warning(
        "HO0129", "tool-optional-missing", "Optional program not found",
        "'{0}' ({1}) was not found on PATH, in mise's shims or in the repository's .tools/bin",
        "{2}");
}
