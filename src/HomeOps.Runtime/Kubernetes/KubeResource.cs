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
    public static readonly KubeResource DaemonSets = new("apps", "v1", "daemonsets", "DaemonSet", true);
    public static readonly KubeResource Deployments = new("apps", "v1", "deployments", "Deployment", true);
    public static readonly KubeResource CustomResourceDefinitions = new("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", false);
    public static readonly KubeResource Kustomizations = new("kustomize.toolkit.fluxcd.io", "v1", "kustomizations", "Kustomization", true);
    public static readonly KubeResource GitRepositories = new("source.toolkit.fluxcd.io", "v1", "gitrepositories", "GitRepository", true);
    public static readonly KubeResource HelmReleases = new("helm.toolkit.fluxcd.io", "v2", "helmreleases", "HelmRelease", true);
    public static readonly KubeResource FluxInstances = new("fluxcd.controlplane.io", "v1", "fluxinstances", "FluxInstance", true);

    private static readonly KubeResource[] s_known =
        [Namespaces, Nodes, Secrets, ConfigMaps, DaemonSets, Deployments, CustomResourceDefinitions, Kustomizations, GitRepositories, HelmReleases, FluxInstances];

    /// <summary>group/version as it appears in apiVersion ("v1" for core).</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The resource for an apiVersion and kind HomeOps knows, or null.</summary>
    public static KubeResource? Find(string apiVersion, string kind) =>
        s_known.FirstOrDefault(r => r.ApiVersion == apiVersion && r.Kind == kind);

    public override string ToString() => Group.Length == 0 ? Plural : $"{Plural}.{Group}";
}
