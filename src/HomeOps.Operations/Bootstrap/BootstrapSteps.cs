namespace HomeOps.Operations.Bootstrap;

/// <summary>Step names: stable, because the state file, --from, --only and the Taskfile use them.</summary>
public static class BootstrapSteps
{
    public const string Preflight = "preflight";
    public const string TalosSecrets = "talos-secrets";
    public const string TalosConfigs = "talos-configs";
    public const string ApplyConfigs = "apply-configs";
    public const string EtcdBootstrap = "etcd-bootstrap";
    public const string Kubeconfig = "kubeconfig";
    public const string ApiReady = "api-ready";
    public const string NodesRegistered = "nodes-registered";
    public const string Namespaces = "namespaces";
    public const string BootstrapSecrets = "bootstrap-secrets";
    public const string Crds = "crds";
    public const string FluxSync = "flux-sync";
    public const string FluxReady = "flux-ready";

    /// <summary>One step per core chart: "chart-cilium", "chart-external-secrets", ...</summary>
    public static string Chart(string name) => "chart-" + name;
}
