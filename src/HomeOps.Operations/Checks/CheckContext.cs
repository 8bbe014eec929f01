using HomeOps.Core.ClusterConfig;

namespace HomeOps.Operations.Checks;

/// <summary>
/// What every check can use: the workspace, the already-loaded cluster.yaml, and the clock (certificate expiry, cache
/// ages) that the caller injected; only the composition root picks the system clock.
/// </summary>
public sealed record CheckContext(Workspace Workspace, ClusterConfigResult ClusterConfig, TimeProvider Time)
{
    /// <summary>
    /// Why there is no GitOps tree to check, or null when there is one: cluster.yaml names the cluster's Flux entry
    /// (gitops.path) and a repository that uses HomeOps only for Talos has no kustomization.yaml there.
    /// </summary>
    public string? MissingTree()
    {
        if (ClusterConfig.Config is not { } config)
        {
            return null;
        }

        var entry = Workspace.PathOf($"{config.GitOps.Path.TrimEnd('/')}/kustomization.yaml");
        return Workspace.Files.FileExists(entry) ? null : $"no GitOps tree ({Workspace.Display(entry)} does not exist)";
    }
}
