using HomeOps.Core.ClusterConfig;
using HomeOps.Operations.Bootstrap;
using HomeOps.Operations.Config;

namespace HomeOps.Operations.Status;

/// <summary>
/// Which cluster status asks, and with which credentials: the kubeconfig as every cluster command finds it
/// (<see cref="KubeconfigLocator"/>); the talosconfig likewise from --talosconfig, $TALOSCONFIG, talos/generated/talosconfig, ~/.talos/config. cluster.yaml,
/// when present, names the Talos nodes.
/// </summary>
public sealed record StatusTargets(string? Kubeconfig, string KubeconfigMissing, string? Talosconfig, string TalosconfigMissing, ClusterDefinition? Cluster)
{
    public static StatusTargets Resolve(Workspace workspace, string? kubeconfig, string? talosconfig, Func<string, string?> environment)
    {
        var cluster = workspace.Files.FileExists(workspace.ClusterFile) ? ClusterConfigService.Load(workspace).Config : null;
        var paths = cluster is null ? null : BootstrapPaths.For(workspace, cluster.Cluster.Name);
        var home = environment("HOME");

        var kube = KubeconfigLocator.Resolve(workspace, paths, kubeconfig, environment);
        var talos = First(workspace, talosconfig, environment("TALOSCONFIG"), paths?.Talosconfig, home is null ? null : Path.Combine(home, ".talos", "config"));
        return new StatusTargets(
            kube.Path, kube.MissingReason,
            talos, "none given (--talosconfig, TALOSCONFIG), none rendered (talos/generated/talosconfig), and no ~/.talos/config",
            cluster);
    }

    /// <summary>The explicit choice (even if missing, so the error names it), else the first candidate that exists.</summary>
    private static string? First(Workspace workspace, string? explicitPath, params string?[] candidates)
    {
        if (explicitPath is { Length: > 0 })
        {
            return Path.GetFullPath(explicitPath, workspace.DisplayBase);
        }

        return candidates.FirstOrDefault(c => c is { Length: > 0 } && workspace.Files.FileExists(c));
    }
}
