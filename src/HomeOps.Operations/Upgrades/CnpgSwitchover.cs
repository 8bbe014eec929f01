using System.Globalization;
using System.Text.Json.Nodes;
using HomeOps.Core.Diagnostics;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Operations.Upgrades;

/// <summary>
/// Moves every CloudNativePG primary off a node before it restarts, the way `kubectl cnpg promote` does
/// (cloudnative-pg v1.27.1 internal/cmd/plugin/promote/promote.go:62-72): a merge patch of the Cluster's status
/// subresource, guarded by its resourceVersion, that sets targetPrimary (with targetPrimaryTimestamp), phase
/// "Switchover in progress" and the Ready condition False; the operator then shuts the old primary down and the
/// target's instance manager promotes it, which shows as status.currentPrimary. The target is a Ready instance
/// on another schedulable node. A one-instance cluster cannot switch over: that is a diagnostic, not a downtime
/// HomeOps takes on its own.
/// </summary>
public static class CnpgSwitchover
{
    private const string ClusterLabel = "cnpg.io/cluster";
    private const string InstanceLabel = "cnpg.io/instanceName";

    /// <summary>Switches over every Cluster whose primary runs on <paramref name="node"/>; each gets <paramref name="timeout"/>.</summary>
    public static async Task<IReadOnlyList<Diagnostic>> MovePrimariesOffAsync(NodeStepContext context, string node, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            KubeList clusters;
            try
            {
                clusters = await context.Kube.ListAsync(KubeResource.CnpgClusters, null, cancellationToken).ConfigureAwait(false);
            }
            catch (KubeApiException e) when (e.StatusCode == 404)
            {
                // CloudNativePG is not installed: no primary to move.
                return [];
            }

            foreach (var cluster in clusters.Items)
            {
                if (await MoveAsync(context, node, cluster, timeout, cancellationToken).ConfigureAwait(false) is { } problem)
                {
                    return [problem];
                }
            }

            return [];
        }
        catch (KubeApiException e)
        {
            return [DiagnosticCatalog.UpgradeNodeStepFailed.At(context.Location, "Moving PostgreSQL primaries", node, e.Message)];
        }
    }

    private static async Task<Diagnostic?> MoveAsync(NodeStepContext context, string node, JsonObject cluster, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var ns = cluster["metadata"]?["namespace"]?.GetValue<string>() ?? "default";
        var name = cluster["metadata"]?["name"]?.GetValue<string>() ?? "?";
        var id = $"{ns}/{name}";
        var primary = cluster["status"]?["currentPrimary"]?.GetValue<string>();
        if (string.IsNullOrEmpty(primary))
        {
            return null;
        }

        var primaryPod = await context.Kube.GetAsync(KubeResource.Pods, ns, primary, cancellationToken).ConfigureAwait(false);
        if (primaryPod?["spec"]?["nodeName"]?.GetValue<string>() != node)
        {
            return null;
        }

        var instances = (await context.Kube.ListAsync(KubeResource.Pods, ns, cancellationToken, labelSelector: ClusterLabel + "=" + name).ConfigureAwait(false))
            .Items.Where(p => p["metadata"]?["labels"]?[InstanceLabel] is not null && Name(p) != primary).ToList();
        var wanted = cluster["spec"]?["instances"]?.GetValue<int>() ?? 1;
        if (wanted <= 1 && instances.Count == 0)
        {
            return DiagnosticCatalog.CnpgSwitchoverSingleInstance.At(context.Location, id, primary, node);
        }

        var reasons = new List<string>();
        string? target = null;
        foreach (var pod in instances.OrderBy(Name, StringComparer.Ordinal))
        {
            var why = await UnfitAsync(context, node, pod, cancellationToken).ConfigureAwait(false);
            if (why is null)
            {
                target = Name(pod);
                break;
            }

            reasons.Add($"{Name(pod)}: {why}");
        }

        if (target is null)
        {
            return DiagnosticCatalog.CnpgSwitchoverNoCandidate.At(context.Location, id, primary, node, reasons.Count == 0 ? "no other instance exists" : string.Join("; ", reasons));
        }

        context.Log($"{node}: switching PostgreSQL cluster {id} over from {primary} to {target}");
        await PromoteAsync(context, ns, name, target, cancellationToken).ConfigureAwait(false);
        return await WaitPromotedAsync(context, id, ns, name, target, timeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Why a replica cannot take over, or null: it must be Ready, not terminating, on another node that is schedulable and Ready.</summary>
    private static async Task<string?> UnfitAsync(NodeStepContext context, string node, JsonObject pod, CancellationToken cancellationToken)
    {
        var podNode = pod["spec"]?["nodeName"]?.GetValue<string>();
        if (podNode is null || podNode == node)
        {
            return podNode is null ? "not scheduled" : "on the same node";
        }

        if (pod["metadata"]?["deletionTimestamp"] is not null)
        {
            return "terminating";
        }

        if (!IsReady(pod["status"]?["conditions"]))
        {
            return "not Ready";
        }

        var other = await context.Kube.GetAsync(KubeResource.Nodes, null, podNode, cancellationToken).ConfigureAwait(false);
        if (other?["spec"]?["unschedulable"]?.GetValue<bool>() == true)
        {
            return $"its node {podNode} is cordoned";
        }

        return IsReady(other?["status"]?["conditions"]) ? null : $"its node {podNode} is not Ready";
    }

    /// <summary>promote.go's status transaction, sent as a merge patch carrying resourceVersion (MergeFromWithOptimisticLock); a 409 reads the Cluster again.</summary>
    private static async Task PromoteAsync(NodeStepContext context, string ns, string name, string target, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var live = await context.Kube.GetAsync(KubeResource.CnpgClusters, ns, name, cancellationToken).ConfigureAwait(false)
                ?? throw new KubeApiException($"get clusters.postgresql.cnpg.io {name}", 404, "NotFound", $"clusters.postgresql.cnpg.io \"{name}\" not found");
            if (live["status"]?["targetPrimary"]?.GetValue<string>() == target)
            {
                return;
            }

            var now = context.Time.GetUtcNow().UtcDateTime;
            var patch = new JsonObject
            {
                ["metadata"] = new JsonObject { ["resourceVersion"] = live["metadata"]?["resourceVersion"]?.DeepClone() },
                ["status"] = new JsonObject
                {
                    ["targetPrimary"] = target,
                    ["targetPrimaryTimestamp"] = now.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
                    ["phase"] = "Switchover in progress",
                    ["phaseReason"] = "Switching over to " + target,
                    ["conditions"] = NotReady(live["status"]?["conditions"] as JsonArray, now),
                },
            };
            try
            {
                await context.Kube.PatchAsync(KubeResource.CnpgClusters, ns, name, patch, status: true, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (KubeApiException e) when (e.StatusCode == 409 && attempt < 5)
            {
                // Someone (the operator) wrote the status since we read it: read again, as RetryOnConflict does.
            }
        }
    }

    private static async Task<Diagnostic?> WaitPromotedAsync(NodeStepContext context, string id, string ns, string name, string target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = context.Time.GetUtcNow() + timeout;
        var delay = context.PollDelay;
        var reported = string.Empty;
        while (true)
        {
            var live = await context.Kube.GetAsync(KubeResource.CnpgClusters, ns, name, cancellationToken).ConfigureAwait(false);
            var current = live?["status"]?["currentPrimary"]?.GetValue<string>() ?? "?";
            var targetNow = live?["status"]?["targetPrimary"]?.GetValue<string>() ?? "?";
            var phase = live?["status"]?["phase"]?.GetValue<string>() ?? string.Empty;
            if (current == target)
            {
                context.Log($"PostgreSQL cluster {id}: {target} is the primary");
                return null;
            }

            // The operator sets targetPrimary back to currentPrimary when the target is not an active instance
            // (cluster_status.go:286-309): it will never be promoted, so waiting longer is pointless.
            var refused = targetNow != target && targetNow == current;
            if (refused || context.Time.GetUtcNow() >= deadline)
            {
                return DiagnosticCatalog.CnpgSwitchoverTimeout.At(context.Location, id, target, NodeStepContext.Describe(timeout), current, targetNow, phase);
            }

            var status = $"PostgreSQL cluster {id}: waiting for {target} to become primary (phase '{phase}')";
            if (status != reported)
            {
                context.Log(status);
                reported = status;
            }

            await context.DelayAsync(delay, deadline, cancellationToken).ConfigureAwait(false);
            delay = context.NextDelay(delay);
        }
    }

    /// <summary>The conditions with Ready set False as SetClusterReadyCondition does for any phase but healthy (transactions.go:34-56).</summary>
    private static JsonArray NotReady(JsonArray? conditions, DateTime now)
    {
        var list = conditions?.OfType<JsonObject>().Select(c => (JsonObject)c.DeepClone()).ToList() ?? [];
        var ready = list.FirstOrDefault(c => c["type"]?.GetValue<string>() == "Ready");
        var changed = ready?["status"]?.GetValue<string>() != "False";
        var next = new JsonObject
        {
            ["type"] = "Ready",
            ["status"] = "False",
            ["reason"] = "ClusterIsNotReady",
            ["message"] = "Cluster Is Not Ready",
            ["lastTransitionTime"] = changed || ready?["lastTransitionTime"] is null
                ? now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
                : ready["lastTransitionTime"]!.DeepClone(),
        };
        if (ready is not null)
        {
            list[list.IndexOf(ready)] = next;
        }
        else
        {
            list.Add(next);
        }

        return new JsonArray([.. list]);
    }

    private static bool IsReady(JsonNode? conditions) =>
        (conditions as JsonArray)?.OfType<JsonObject>().Any(c => c["type"]?.GetValue<string>() == "Ready" && c["status"]?.GetValue<string>() == "True") == true;

    private static string Name(JsonObject obj) => obj["metadata"]?["name"]?.GetValue<string>() ?? "?";

}
