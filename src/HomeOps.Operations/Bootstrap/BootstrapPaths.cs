namespace HomeOps.Operations.Bootstrap;

/// <summary>
/// Where the bootstrap keeps its files. The Talos secrets bundle and rendered configs are where `homeops talos`
/// keeps them (talos/secrets.yaml and talos/generated/, git-ignored, mode 0600), so both commands agree; the state
/// file (no secrets) and the kubeconfig live in the git-ignored .homeops/&lt;cluster&gt;/ folder.
/// </summary>
public sealed record BootstrapPaths(string Root, string RepositoryRoot, string ClusterName)
{
    public static BootstrapPaths For(Workspace workspace, string clusterName) =>
        new(Path.Combine(workspace.Root, ".homeops", clusterName), workspace.Root, clusterName);

    public string StateFile => Path.Combine(Root, "bootstrap-state.json");

    public string TalosSecrets => Path.Combine(RepositoryRoot, Talos.TalosSecretsService.DefaultBundlePath);

    public string TalosDirectory => Path.Combine(RepositoryRoot, Talos.TalosService.DefaultOutput);

    public string Talosconfig => Path.Combine(TalosDirectory, Core.Talos.Rendering.TalosRenderResult.TalosconfigFileName);

    public string Kubeconfig => Path.Combine(Root, "kubeconfig");

    /// <summary>The rendered machine config of a node (the file name `homeops talos render` gives it).</summary>
    public string NodeConfig(string node) => Path.Combine(TalosDirectory, $"{ClusterName}-{node}.yaml");
}
