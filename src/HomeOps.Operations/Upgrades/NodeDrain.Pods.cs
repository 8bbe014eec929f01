using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HomeOps.Core.Diagnostics;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Operations.Upgrades;

/// <summary>Which pods a drain evicts, the eviction rounds, and the wait until the evicted pods are gone.</summary>
public static partial class NodeDrain
{
    private const string MirrorAnnotation = "kubernetes.io/config.mirror";

    /// <summary>The pods to evict: all but DaemonSet pods and mirror (static) pods, which are named in the log.</summary>
    private static List<JsonObject> Select(NodeStepContext context, string node, IReadOnlyList<JsonObject> pods)
    {
        var mirror = pods.Where(p => p["metadata"]?["annotations"]?[MirrorAnnotation] is not null).ToList();
        var daemons = pods.Except(mirror).Where(p => ControllerKind(p) == "DaemonSet").ToList();
        var evict = pods.Except(mirror).Except(daemons).ToList();
        if (daemons.Count > 0)
        {
            context.Log($"{node}: leaving {daemons.Count} DaemonSet pod(s), their DaemonSet runs them on every node: {string.Join(", ", daemons.Select(Key))}");
        }

        if (mirror.Count > 0)
        {
            context.Log($"{node}: leaving {mirror.Count} mirror pod(s), the kubelet runs them from static manifests: {string.Join(", ", mirror.Select(Key))}");
        }

        var bare = evict.Where(p => ControllerKind(p) is null).ToList();
        if (bare.Count > 0)
        {
            context.Log($"{node}: warning: {bare.Count} pod(s) have no controller and will not come back: {string.Join(", ", bare.Select(Key))}");
        }

        return evict;
    }

    private static string? ControllerKind(JsonObject pod) =>
        (pod["metadata"]?["ownerReferences"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(o => o["controller"]?.GetValue<bool>() == true)?["kind"]?.GetValue<string>();

    /// <summary>Evicts every pod, asking again for those a budget holds until the deadline; a refusal is a diagnostic.</summary>
    private static async Task<Diagnostic?> EvictAllAsync(NodeStepContext context, string node, List<JsonObject> pods, Dictionary<string, string> evicted,
        DateTimeOffset deadline, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var pending = pods;
        var delay = context.PollDelay;
        var reported = string.Empty;
        while (pending.Count > 0)
        {
            var held = new List<JsonObject>();
            (string Pod, string Budget, string Why)? blocker = null;
            foreach (var pod in pending)
            {
                var ns = pod["metadata"]?["namespace"]?.GetValue<string>() ?? "default";
                var answer = await context.Kube.EvictAsync(ns, Name(pod), cancellationToken).ConfigureAwait(false);
                if (answer.Evicted)
                {
                    evicted[Key(pod)] = Uid(pod);
                    context.Log($"{node}: evicted {Key(pod)}");
                }
                else if (answer.Blocked)
                {
                    held.Add(pod);
                    blocker ??= (Key(pod), ns + "/" + BudgetName(answer), Why(answer));
                }
                else if (!answer.Gone)
                {
                    return DiagnosticCatalog.UpgradeEvictionRefused.At(context.Location, Key(pod), node, answer.StatusCode, answer.Message);
                }
            }

            pending = held;
            if (blocker is not { } b)
            {
                break;
            }

            var status = $"{node}: waiting to evict {b.Pod}: PodDisruptionBudget {b.Budget} allows no disruption now ({b.Why})"
                + (held.Count > 1 ? $"; {held.Count - 1} more pod(s) held" : string.Empty);
            if (status != reported)
            {
                context.Log(status);
                reported = status;
            }

            if (context.Time.GetUtcNow() >= deadline)
            {
                return DiagnosticCatalog.UpgradeDrainBlockedByBudget.At(context.Location, node, NodeStepContext.Describe(timeout), b.Pod, b.Budget, b.Why);
            }

            await context.DelayAsync(delay, deadline, cancellationToken).ConfigureAwait(false);
            delay = context.NextDelay(delay);
        }

        return null;
    }

    /// <summary>Waits until no pod of the node is one that was evicted (same name and uid); a StatefulSet's new pod of the same name does not count.</summary>
    private static async Task<Diagnostic?> WaitGoneAsync(NodeStepContext context, string node, Dictionary<string, string> evicted,
        DateTimeOffset deadline, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var delay = context.PollDelay;
        var reported = string.Empty;
        while (evicted.Count > 0)
        {
            var pods = await context.Kube.ListAsync(KubeResource.Pods, null, cancellationToken, fieldSelector: "spec.nodeName=" + node).ConfigureAwait(false);
            var left = pods.Items.Where(p => evicted.TryGetValue(Key(p), out var uid) && uid == Uid(p)).Select(Key).ToList();
            if (left.Count == 0)
            {
                return null;
            }

            var status = $"{node}: waiting for {left.Count} evicted pod(s) to stop: {string.Join(", ", left)}";
            if (status != reported)
            {
                context.Log(status);
                reported = status;
            }

            if (context.Time.GetUtcNow() >= deadline)
            {
                return DiagnosticCatalog.UpgradeDrainPodsNotGone.At(context.Location, node, NodeStepContext.Describe(timeout), string.Join(", ", left));
            }

            await context.DelayAsync(delay, deadline, cancellationToken).ConfigureAwait(false);
            delay = context.NextDelay(delay);
        }

        return null;
    }

    /// <summary>The budget's name from the 429's cause (eviction.go checkAndDecrement / createTooManyRequestsError).</summary>
    private static string BudgetName(KubeEviction answer) =>
        answer.Causes.Select(c => BudgetCause().Match(c)).FirstOrDefault(m => m.Success)?.Groups["name"].Value ?? "?";

    private static string Why(KubeEviction answer)
    {
        var cause = answer.Causes.FirstOrDefault(c => BudgetCause().IsMatch(c));
        if (cause is null)
        {
            return answer.Message;
        }

        var rest = BudgetCause().Match(cause).Groups["rest"].Value.TrimEnd('.');
        return rest.StartsWith("needs", StringComparison.Ordinal) ? rest : "the budget " + rest;
    }

    [GeneratedRegex(@"^The disruption budget (?<name>\S+) (?<rest>.*)$")]
    private static partial Regex BudgetCause();
}
