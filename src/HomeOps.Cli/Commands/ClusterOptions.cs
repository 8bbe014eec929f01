namespace HomeOps.Cli.Commands;

/// <summary>Options of the commands that reach the live cluster (status, doctor, upgrade, recovery, flux suspend/resume).</summary>
internal static class ClusterOptions
{
    public static Option<string?> Kubeconfig() => new("--kubeconfig")
    {
        Description = "The kubeconfig to use (default: $KUBECONFIG, then .homeops/<cluster>/kubeconfig, then ~/.kube/config)",
    };

    public static Option<string?> Talosconfig() => new("--talosconfig")
    {
        Description = "The talosconfig to use (default: $TALOSCONFIG, then talos/generated/talosconfig, then ~/.talos/config)",
    };
}
