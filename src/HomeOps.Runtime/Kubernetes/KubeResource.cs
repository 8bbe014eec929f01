namespace HomeOps.Runtime.Kubernetes;

/// <summary>
/// A kind of Kubernetes object as the REST API addresses it: group ("" for core), version, plural and scope.
/// The well-known ones HomeOps touches are listed here so no caller spells a plural twice.
/// </summary>
public sealed record KubeResource(string Group, string Version, string Plural, string Kind, bool Namespaced)
{
    public static readonly KubeResource Namespaces = new("", "v1", "namespaces", "Namespace", false);
    public static readonly KubeResource Nodes = new("", "v1", "nodes", "Node", false);
    public static readonly KubeResource Secrets = new("", "v1", "secrets", "Secret", true);
    public static readonly KubeResource ConfigMaps = new("", "v1", "configmaps", "ConfigMap", true);
    public static readonly KubeResource Pods = new("", "v1", "pods", "Pod", true);
    public static readonly KubeResource Services = new("", "v1", "services", "Service", true);
    public static readonly KubeResource PersistentVolumeClaims = new("", "v1", "persistentvolumeclaims", "PersistentVolumeClaim", true);
    public static readonly KubeResource Ingresses = new("networking.k8s.io", "v1", "ingresses", "Ingress", true);
    public static readonly KubeResource DaemonSets = new("apps", "v1", "daemonsets", "DaemonSet", true);
    public static readonly KubeResource Deployments = new("apps", "v1", "deployments", "Deployment", true);
    public static readonly KubeResource CustomResourceDefinitions = new("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", false);
    public static readonly KubeResource Kustomizations = new("kustomize.toolkit.fluxcd.io", "v1", "kustomizations", "Kustomization", true);
    public static readonly KubeResource GitRepositories = new("source.toolkit.fluxcd.io", "v1", "gitrepositories", "GitRepository", true);
    public static readonly KubeResource HelmReleases = new("helm.toolkit.fluxcd.io", "v2", "helmreleases", "HelmRelease", true);
    public static readonly KubeResource FluxInstances = new("fluxcd.controlplane.io", "v1", "fluxinstances", "FluxInstance", true);

    // Read by `homeops status`. Cilium's BGP and LB IPAM kinds are read as v2alpha1, which Cilium 1.16 and 1.17 store
    // and 1.18 still serves (it stores v2); the API server converts between them.
    public static readonly KubeResource CiliumBgpNodeConfigs = new("cilium.io", "v2alpha1", "ciliumbgpnodeconfigs", "CiliumBGPNodeConfig", false);
    public static readonly KubeResource CiliumLoadBalancerIpPools = new("cilium.io", "v2alpha1", "ciliumloadbalancerippools", "CiliumLoadBalancerIPPool", false);
    public static readonly KubeResource LonghornVolumes = new("longhorn.io", "v1beta2", "volumes", "Volume", true);
    public static readonly KubeResource LonghornNodes = new("longhorn.io", "v1beta2", "nodes", "Node", true);

    /// <summary>Read by `homeops upgrade`: where each volume's healthy replicas are (spec.nodeID, spec.volumeName).</summary>
    public static readonly KubeResource LonghornReplicas = new("longhorn.io", "v1beta2", "replicas", "Replica", true);
    public static readonly KubeResource CnpgClusters = new("postgresql.cnpg.io", "v1", "clusters", "Cluster", true);
    public static readonly KubeResource BarmanObjectStores = new("barmancloud.cnpg.io", "v1", "objectstores", "ObjectStore", true);
    public static readonly KubeResource Certificates = new("cert-manager.io", "v1", "certificates", "Certificate", true);
    public static readonly KubeResource ExternalSecrets = new("external-secrets.io", "v1", "externalsecrets", "ExternalSecret", true);

    // Read by the MCP server's live tools.
    public static readonly KubeResource Events = new("", "v1", "events", "Event", true);
    public static readonly KubeResource StatefulSets = new("apps", "v1", "statefulsets", "StatefulSet", true);
    public static readonly KubeResource HelmRepositories = new("source.toolkit.fluxcd.io", "v1", "helmrepositories", "HelmRepository", true);
    public static readonly KubeResource OciRepositories = new("source.toolkit.fluxcd.io", "v1", "ocirepositories", "OCIRepository", true);

    private static readonly KubeResource[] s_known =
        [
            Namespaces, Nodes, Secrets, ConfigMaps, Pods, Services, PersistentVolumeClaims, Ingresses, DaemonSets, Deployments, CustomResourceDefinitions,
            Kustomizations, GitRepositories, HelmReleases, FluxInstances, CiliumBgpNodeConfigs, CiliumLoadBalancerIpPools, LonghornVolumes, LonghornNodes,
            CnpgClusters, BarmanObjectStores, Certificates, ExternalSecrets, Events, StatefulSets, HelmRepositories, OciRepositories, LonghornReplicas,
        ];

    /// <summary>Every kind HomeOps knows.</summary>
    public static IReadOnlyList<KubeResource> Known => s_known;

    /// <summary>group/version as it appears in apiVersion ("v1" for core).</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The resource for an apiVersion and kind HomeOps knows, or null.</summary>
    public static KubeResource? Find(string apiVersion, string kind) =>
        s_known.FirstOrDefault(r => r.ApiVersion == apiVersion && r.Kind == kind);

    public override string ToString() => Group.Length == 0 ? Plural : $"{Plural}.{Group}";
}
