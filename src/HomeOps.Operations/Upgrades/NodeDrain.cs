using System.Globalization;
using System.Text.Json.Nodes;
using HomeOps.Core.Diagnostics;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Operations.Upgrades;

/// <summary>
/// `kubectl drain` as an upgrade needs it: cordon the node (spec.unschedulable), list its pods in one call
/// (fieldSelector spec.nodeName), leave DaemonSet and mirror pods (their controllers would put them straight back),
/// evict the rest through the Eviction API so PodDisruptionBudgets hold (a 429 means "not now": asked again with
/// backoff until the timeout, saying which budget holds which pod), then wait until the evicted pods are gone.
/// A drain that does not finish leaves the node cordoned, as kubectl does; <see cref="UncordonAsync"/> gives it back.
/// Every result is a list of diagnostics, empty on success.
/// </summary>
public static partial class NodeDrain
{
    /// <summary>Marks the node unschedulable (a no-op when it already is).</summary>
    public static async Task<IReadOnlyList<Diagnostic>> CordonAsync(NodeStepContext context, string node, CancellationToken cancellationToken) =>
        await SetUnschedulableAsync(context, node, true, cancellationToken).ConfigureAwait(false);

    /// <summary>Makes the node schedulable again (a no-op when it is).</summary>
    public static async Task<IReadOnlyList<Diagnostic>> UncordonAsync(NodeStepContext context, string node, CancellationToken cancellationToken) =>
        await SetUnschedulableAsync(context, node, false, cancellationToken).ConfigureAwait(false);

    /// <summary>Cordons <paramref name="node"/> and evicts its pods, all within <paramref name="timeout"/>.</summary>
    public static async Task<IReadOnlyList<Diagnostic>> DrainAsync(NodeStepContext context, string node, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = context.Time.GetUtcNow() + timeout;
        if (await CordonAsync(context, node, cancellationToken).ConfigureAwait(false) is { Count: > 0 } cordonFailed)
        {
            return cordonFailed;
        }

        try
        {
            var pods = await context.Kube.ListAsync(KubeResource.Pods, null, cancellationToken, fieldSelector: "spec.nodeName=" + node).ConfigureAwait(false);
            var toEvict = Select(context, node, pods.Items);
            var evicted = new Dictionary<string, string>(StringComparer.Ordinal);
            if (await EvictAllAsync(context, node, toEvict, evicted, deadline, timeout, cancellationToken).ConfigureAwait(false) is { } refused)
            {
                return [refused];
            }

            if (await WaitGoneAsync(context, node, evicted, deadline, timeout, cancellationToken).ConfigureAwait(false) is { } stuck)
            {
                return [stuck];
            }

            context.Log($"{node}: drained ({evicted.Count} pod(s) evicted)");
            return [];
        }
        catch (KubeApiException e)
        {
            return [DiagnosticCatalog.UpgradeNodeStepFailed.At(context.Location, "Draining", node, e.Message)];
        }
    }

    private static async Task<IReadOnlyList<Diagnostic>> SetUnschedulableAsync(NodeStepContext context, string node, bool unschedulable, CancellationToken cancellationToken)
    {
        var verb = unschedulable ? "Cordoning" : "Uncordoning";
        try
        {
            var current = await context.Kube.GetAsync(KubeResource.Nodes, null, node, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                var nodes = await context.Kube.ListAsync(KubeResource.Nodes, null, cancellationToken).ConfigureAwait(false);
                return [DiagnosticCatalog.UpgradeNodeNotFound.At(context.Location, node, string.Join(", ", nodes.Items.Select(Name)))];
            }

            if ((current["spec"]?["unschedulable"]?.GetValue<bool>() ?? false) == unschedulable)
            {
                return [];
            }

            // As kubectl cordon/uncordon: uncordoning removes the field (omitempty false) rather than writing false.
            var patch = new JsonObject { ["spec"] = new JsonObject { ["unschedulable"] = unschedulable ? true : null } };
            await context.Kube.PatchAsync(KubeResource.Nodes, null, node, patch, status: false, cancellationToken).ConfigureAwait(false);
            context.Log($"{node}: {(unschedulable ? "cordoned" : "uncordoned")}");
            return [];
        }
        catch (KubeApiException e)
        {
            return [DiagnosticCatalog.UpgradeNodeStepFailed.At(context.Location, verb, node, e.Message)];
        }
    }

    private static string Name(JsonObject obj) => obj["metadata"]?["name"]?.GetValue<string>() ?? "?";

    private static string Key(JsonObject pod) => $"{pod["metadata"]?["namespace"]?.GetValue<string>()}/{Name(pod)}";

    private static string Uid(JsonObject pod) => pod["metadata"]?["uid"]?.GetValue<string>() ?? string.Empty;

}
