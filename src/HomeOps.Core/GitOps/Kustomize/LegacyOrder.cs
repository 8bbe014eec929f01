namespace HomeOps.Core.GitOps.Kustomize;

/// <summary>
/// kustomize's default output order (api/internal/builtins/SortOrderTransformer.go, legacyIDSorter): kinds of an
/// "apply first" list, then the rest, then webhook configurations, each group by group/version/kind, then namespace
/// and name.
/// </summary>
internal sealed class LegacyOrder : IComparer<KustomizeResource>
{
    public static readonly LegacyOrder Instance = new();

    private static readonly string[] s_first =
    [
        "Namespace", "ResourceQuota", "StorageClass", "CustomResourceDefinition", "ServiceAccount", "PodSecurityPolicy",
        "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding", "ConfigMap", "Secret", "Endpoints", "Service",
        "LimitRange", "PriorityClass", "PersistentVolume", "PersistentVolumeClaim", "Deployment", "StatefulSet",
        "CronJob", "PodDisruptionBudget",
    ];

    private static readonly string[] s_last = ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"];

    public int Compare(KustomizeResource? x, KustomizeResource? y)
    {
        if (x is null || y is null)
        {
            return (x is null).CompareTo(y is null);
        }

        if (x.Group != y.Group || x.Version != y.Version || x.Kind != y.Kind)
        {
            var (a, b) = (Rank(x.Kind), Rank(y.Kind));
            if (a != b)
            {
                return a.CompareTo(b);
            }

            var order = string.CompareOrdinal(GvkKey(x), GvkKey(y));
            return x.Kind == "Namespace" && y.Kind == "Namespace" && (x.Group.Length == 0 || y.Group.Length == 0) ? -order : order;
        }

        return string.CompareOrdinal(IdKey(x), IdKey(y));
    }

    private static int Rank(string kind)
    {
        var first = Array.IndexOf(s_first, kind);
        if (first >= 0)
        {
            return first - s_first.Length;
        }

        var last = Array.IndexOf(s_last, kind);
        return last >= 0 ? last + 1 : 0;
    }

    private static string GvkKey(KustomizeResource r) =>
        $"{(r.Group.Length == 0 ? "~G" : r.Group)}_{(r.Version.Length == 0 ? "~V" : r.Version)}_{(r.Kind.Length == 0 ? "~K" : r.Kind)}";

    // resid.Gvk.String() is kind.version.group with [noVer]/[noGrp] for empty parts.
    private static string IdKey(KustomizeResource r) =>
        $"{r.Kind}.{(r.Version.Length == 0 ? "[noVer]" : r.Version)}.{(r.Group.Length == 0 ? "[noGrp]" : r.Group)}|{(r.CurrentNamespace.Length == 0 ? "~X" : r.CurrentNamespace)}|{(r.CurrentName.Length == 0 ? "~N" : r.CurrentName)}";
}
