using HomeOps.Operations.Status;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Mcp.Tools;

/// <summary>
/// The live tools' way into the cluster, as `homeops status` opens it: the kubeconfig from --kubeconfig, $KUBECONFIG,
/// the bootstrap's, or ~/.kube/config (<see cref="StatusTargets"/>), checked by <see cref="ClusterConnection"/>
/// (missing, unreadable, expired client certificate). Short retries: an assistant waits for the answer.
/// </summary>
internal static class ClusterAccess
{
    public static (ClusterSnapshot Snapshot, StatusTargets Targets) Open(McpContext context)
    {
        var targets = StatusTargets.Resolve(context.Workspace(), context.Kubeconfig, talosconfig: null, context.Environment);
        return (ClusterConnection.OpenForReading(targets, context.Files, context.Time, context.KubeRewrite), targets);
    }

    /// <summary>Why there is no cluster to ask, as a tool error the assistant can act on.</summary>
    public static string Unavailable(ClusterSnapshot snapshot) =>
        $"Cannot read the cluster: {snapshot.UnavailableReason!.Message}" +
        (snapshot.UnavailableReason.Code is { } code ? $" ({code})" : string.Empty) +
        (snapshot.UnavailableReason.Hint is { } hint ? $". {hint}" : ". Start the server with --kubeconfig PATH or set KUBECONFIG.");

    /// <summary>The kind an assistant names ("Pod", "helmreleases", "Kustomization"), optionally with its apiVersion.</summary>
    public static KubeResource Resource(string kind, string? apiVersion)
    {
        var matches = KubeResource.Known
            .Where(r => string.Equals(r.Kind, kind, StringComparison.OrdinalIgnoreCase) || string.Equals(r.Plural, kind, StringComparison.OrdinalIgnoreCase))
            .Where(r => apiVersion is null || r.ApiVersion == apiVersion)
            .ToList();
        return matches.Count == 1
            ? matches[0]
            : throw ToolInput.Invalid(matches.Count == 0
                ? $"Argument 'kind' names no kind the live tools know: '{kind}'{(apiVersion is null ? string.Empty : $" in {apiVersion}")} (known: {string.Join(", ", KubeResource.Known.Select(r => r.Kind).Distinct().Order(StringComparer.Ordinal))})"
                : $"Argument 'kind' is ambiguous: '{kind}' is {string.Join(" and ", matches.Select(m => m.ApiVersion + " " + m.Kind))}; give 'apiVersion' too");
    }
}
