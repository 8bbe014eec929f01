using System.Globalization;
using System.Text.Json.Nodes;
using static HomeOps.Core.Status.ObjectFields;

namespace HomeOps.Core.Status;

/// <summary>
/// The Kubernetes section: every node and whether it is Ready, the pods that are not Ready grouped by namespace
/// (one line per namespace, not per pod), and PersistentVolumeClaims that are not Bound.
/// </summary>
public static class KubernetesStatus
{
    public const string Id = "kubernetes";
    public const string Title = "Kubernetes";

    public static StatusSection Evaluate(IReadOnlyList<JsonObject> nodes, IReadOnlyList<JsonObject> pods, IReadOnlyList<JsonObject> claims, DateTimeOffset now)
    {
        var items = new List<StatusItem>();
        items.AddRange(nodes.OrderBy(NameOf, StringComparer.Ordinal).Select(Node));
        var notReady = pods.Where(p => !IsReadyOrDone(p)).ToList();
        items.AddRange(notReady.GroupBy(p => NamespaceOf(p) ?? string.Empty).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => PodGroup(g.Key, [.. g], pods.Count(p => NamespaceOf(p) == g.Key))));
        var unbound = claims.Where(c => Str(c, "status", "phase") != "Bound").OrderBy(KeyOf, StringComparer.Ordinal).ToList();
        items.AddRange(unbound.Select(c => Claim(c, now)));

        var readyNodes = nodes.Count(n => ConditionOf(n, "Ready")?.IsTrue == true);
        var findings = new List<StatusFinding>();
        if (nodes.Count == 0)
        {
            findings.Add(new StatusFinding(Health.Unhealthy, "no node is registered with the API server", Hint: "Check the kubelets: 'talosctl -n NODE service kubelet'"));
        }

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{readyNodes}/{nodes.Count} nodes Ready; {notReady.Count} of {pods.Count} pods not Ready{(notReady.Count > 0 ? $" in {notReady.Select(NamespaceOf).Distinct().Count()} namespace(s)" : string.Empty)}; {unbound.Count} PVC(s) not Bound");
        return StatusSection.Of(Id, Title, summary, findings, items);
    }

    private static StatusItem Node(JsonObject node)
    {
        var ready = ConditionOf(node, "Ready");
        var version = Str(node, "status", "nodeInfo", "kubeletVersion") ?? "?";
        var unschedulable = Bool(node, "spec", "unschedulable") == true;
        var health = ready?.IsTrue == true ? unschedulable ? Health.Warning : Health.Ok : Health.Unhealthy;
        var detail = ready?.IsTrue == true
            ? $"Ready, kubelet {version}{(unschedulable ? ", cordoned (SchedulingDisabled)" : string.Empty)}"
            : $"NotReady: {Reason(ready)}";
        return new StatusItem($"node/{NameOf(node)}", health, detail)
        {
            Fields = [new("kind", "Node"), new("ready", ready?.Status ?? "Unknown"), new("kubeletVersion", version), new("schedulable", (!unschedulable).ToString().ToLowerInvariant())],
        };
    }

    private static string Reason(Condition? c) =>
        c is null ? "the kubelet has not reported a Ready condition" : string.IsNullOrEmpty(c.Message) ? c.Reason : $"{c.Reason}: {c.Message}";

    /// <summary>Pods that finished (Succeeded, as Jobs leave them) count as fine; the rest must be Running and Ready.</summary>
    private static bool IsReadyOrDone(JsonObject pod) =>
        Str(pod, "status", "phase") switch
        {
            "Succeeded" => true,
            "Running" => ConditionOf(pod, "Ready")?.IsTrue == true,
            _ => false,
        };

    private static StatusItem PodGroup(string ns, IReadOnlyList<JsonObject> notReady, int total)
    {
        var shown = notReady.OrderBy(NameOf, StringComparer.Ordinal).Take(5).Select(p => $"{NameOf(p)} ({PodReason(p)})");
        var more = notReady.Count > 5 ? $", and {notReady.Count - 5} more" : string.Empty;
        return new StatusItem($"pods/{ns}", Health.Unhealthy, string.Create(CultureInfo.InvariantCulture, $"{notReady.Count} of {total} not Ready: {string.Join(", ", shown)}{more}"))
        {
            Fields = [new("kind", "Pod"), new("namespace", ns), new("notReady", notReady.Count.ToString(CultureInfo.InvariantCulture)), new("pods", string.Join(",", notReady.Select(NameOf).Order(StringComparer.Ordinal)))],
        };
    }

    /// <summary>The most telling reason a pod is not Ready: a waiting container's reason, a termination reason, else the phase.</summary>
    private static string PodReason(JsonObject pod)
    {
        var containers = Objects(pod, "status", "initContainerStatuses").Concat(Objects(pod, "status", "containerStatuses"));
        foreach (var c in containers)
        {
            if (Str(c, "state", "waiting", "reason") is { Length: > 0 } waiting && waiting != "PodInitializing")
            {
                return waiting;
            }

            if (Str(c, "state", "terminated", "reason") is { Length: > 0 } terminated && terminated != "Completed")
            {
                return terminated;
            }
        }

        var phase = Str(pod, "status", "phase") ?? "Pending";
        if (phase == "Pending" && ConditionOf(pod, "PodScheduled") is { IsTrue: false } scheduled)
        {
            return $"Unschedulable: {scheduled.Message}";
        }

        return phase == "Running" ? "Running, not Ready" : phase;
    }

    private static StatusItem Claim(JsonObject claim, DateTimeOffset now)
    {
        var phase = Str(claim, "status", "phase") ?? "Pending";
        var created = Time(claim, "metadata", "creationTimestamp");
        var age = created is { } c ? $" for {Durations.Format(now - c)}" : string.Empty;
        var storageClass = Str(claim, "spec", "storageClassName") ?? "(default class)";
        return new StatusItem($"pvc/{KeyOf(claim)}", Health.Unhealthy, $"{phase}{age}, storage class {storageClass}")
        {
            Fields = [new("kind", "PersistentVolumeClaim"), new("phase", phase), new("storageClass", storageClass)],
        };
    }
}
