namespace HomeOps.Fakes.Kubernetes;

/// <summary>A kind the fake server serves: built in, or registered by creating its CustomResourceDefinition.</summary>
public sealed record FakeResourceType(string Group, string Version, string Plural, string Kind, bool Namespaced, bool HasStatus, string Singular, IReadOnlyList<string> ShortNames)
{
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string GroupVersion => ApiVersion;

    /// <summary>"configmaps" for core, "deployments.apps" otherwise, as Status messages name resources.</summary>
    public string QualifiedPlural => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>Custom resources and CRDs refuse an update without resourceVersion; core kinds allow it.</summary>
    public bool IsCustom { get; init; }

    public static FakeResourceType Core(string plural, string kind, bool namespaced, bool hasStatus = false, params string[] shortNames) =>
        new("", "v1", plural, kind, namespaced, hasStatus, kind.ToLowerInvariant(), shortNames);

    /// <summary>The CustomResourceDefinition kind itself.</summary>
    public static FakeResourceType Crd { get; } =
        new("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", false, true, "customresourcedefinition", ["crd", "crds"]) { IsCustom = true };

    public static IReadOnlyList<FakeResourceType> BuiltIn() =>
    [
        Core("namespaces", "Namespace", false, hasStatus: true, "ns"),
        Core("nodes", "Node", false, hasStatus: true, "no"),
        Core("secrets", "Secret", true),
        Core("configmaps", "ConfigMap", true, false, "cm"),
        Core("services", "Service", true, hasStatus: true, "svc"),
        Core("serviceaccounts", "ServiceAccount", true, false, "sa"),
        Core("pods", "Pod", true, hasStatus: true, "po"),
        Core("persistentvolumeclaims", "PersistentVolumeClaim", true, hasStatus: true, "pvc"),
        new("apps", "v1", "deployments", "Deployment", true, true, "deployment", ["deploy"]),
        new("apps", "v1", "daemonsets", "DaemonSet", true, true, "daemonset", ["ds"]),
        new("apps", "v1", "statefulsets", "StatefulSet", true, true, "statefulset", ["sts"]),
        new("apps", "v1", "replicasets", "ReplicaSet", true, true, "replicaset", ["rs"]),
        new("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", true, true, "poddisruptionbudget", ["pdb"]),
        new("networking.k8s.io", "v1", "ingresses", "Ingress", true, true, "ingress", ["ing"]),
        new("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", false, false, "clusterrole", []),
        new("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", false, false, "clusterrolebinding", []),
        Crd,
    ];
}
