using HomeOps.Core.Diagnostics;
using HomeOps.Operations.Bootstrap;

namespace HomeOps.Operations;

/// <summary>
/// The one way every command that talks to a running cluster finds its kubeconfig (status, doctor, upgrades, MCP and
/// the recovery workflows): --kubeconfig, else $KUBECONFIG (its first file), else the one the bootstrap wrote
/// (.homeops/&lt;cluster&gt;/kubeconfig), else ~/.kube/config. None found is HO6001.
/// </summary>
public static class KubeconfigLocator
{
    /// <param name="Path">The kubeconfig to use (an explicit one even when it does not exist, so the error names it), or null.</param>
    /// <param name="MissingReason">Why none was found, for HO6001.</param>
    public sealed record Choice(string? Path, string MissingReason)
    {
        public bool Exists(Workspace workspace) => Path is not null && workspace.Files.FileExists(Path);

        /// <summary>HO6001 when there is no kubeconfig to use.</summary>
        public Diagnostic? Require(Workspace workspace, SourceSpan location) =>
            Exists(workspace) ? null : DiagnosticCatalog.KubeconfigNotFound.At(location, Path is null ? MissingReason : $"{workspace.Display(Path)} does not exist");
    }

    public static Choice Resolve(Workspace workspace, BootstrapPaths? paths, string? explicitPath, Func<string, string?> environment)
    {
        var home = environment("HOME");
        var path = explicitPath is { Length: > 0 }
            ? System.IO.Path.GetFullPath(explicitPath, workspace.DisplayBase)
            : new[]
            {
                environment("KUBECONFIG")?.Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(),
                paths?.Kubeconfig,
                home is null ? null : System.IO.Path.Combine(home, ".kube", "config"),
            }.FirstOrDefault(c => c is { Length: > 0 } && workspace.Files.FileExists(c));
        return new Choice(path, "none given (--kubeconfig, KUBECONFIG), none written by the bootstrap, and no ~/.kube/config");
    }
}
