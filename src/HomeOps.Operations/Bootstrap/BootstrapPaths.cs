namespace HomeOps.Operations.Bootstrap;

/// <summary>
/// Where the bootstrap keeps its per-cluster files, all under the git-ignored .homeops/&lt;cluster&gt;/ folder: the
/// state file (no secrets), the Talos secrets bundle and rendered configs (mode 0600), and the kubeconfig.
/// </summary>
public sealed record BootstrapPaths(string Root)
{
    public static BootstrapPaths For(Workspace workspace, string clusterName) =>
        new(Path.Combine(workspace.Root, ".homeops", clusterName));

    public string StateFile => Path.Combine(Root, "bootstrap-state.json");

    public string TalosDirectory => Path.Combine(Root, "talos");

    public string TalosSecrets => Path.Combine(TalosDirectory, "secrets.yaml");

    public string Talosconfig => Path.Combine(TalosDirectory, "talosconfig");

    public string Kubeconfig => Path.Combine(Root, "kubeconfig");

    public string NodeConfig(string node) => Path.Combine(TalosDirectory, $"{node}.yaml");
}
