using System.Globalization;
using System.Text.Json.Nodes;
using HomeOps.Fakes.Kubernetes;

namespace HomeOps.Fakes.Controllers;

/// <summary>
/// Pods on nodes, as far as draining a node needs, standing in for three components: the scheduler (a pod without
/// spec.nodeName goes to the Ready node that is not cordoned and has no NoSchedule/NoExecute taint, fewest pods of
/// the same controller first, and honouring the pod's anti-affinity: a required podAntiAffinity term rules out every
/// node in the topology domain (the node label named by topologyKey) of a pod its selector matches, a preferred one
/// ranks such nodes last by weight (kube-scheduler's InterPodAffinity plugin, without namespace selectors); none →
/// Pending with PodScheduled False "Unschedulable", scheduled again when a node changes), the kubelet (a pod bound to a Ready node is Pending, then Running and Ready after <see cref="StartDelay"/>),
/// and the ReplicaSet and StatefulSet controllers as far as replacing a deleted pod goes (a ReplicaSet's new pod gets
/// a new name, a StatefulSet's the same name; both go through the scheduler, so an evicted pod comes back on another
/// schedulable node). Opt-in: <see cref="FakeCluster"/> runs it; a bare <see cref="FakeKubeApiServer"/> does not.
/// Does not model: creating a workload's first pods from its replicas and template (tests create them, bound to the
/// nodes they choose), Deployments' rollouts, tolerations, resources, node and pod affinity (but pod anti-affinity),
/// graceful termination, DaemonSets.
/// </summary>
public sealed class WorkloadController(TimeProvider time) : IFakeController
{
    private readonly Lock _timersGate = new();
    private readonly List<ITimer> _timers = [];
    private readonly HashSet<string> _starting = new(StringComparer.Ordinal);
    private int _generated;

    /// <summary>How long a bound pod stays Pending before it is Running and Ready (0: at once).</summary>
    public TimeSpan StartDelay { get; set; } = TimeSpan.Zero;

    public void OnChanged(FakeKubeStore store, FakeWatchEvent change)
    {
        switch (change.Type.Kind, change.EventType)
        {
            case ("Pod", "DELETED"):
                Replace(store, change.Object);
                break;
            case ("Pod", _):
                Place(store, FakeKubeStore.NamespaceOf(change.Object), FakeKubeStore.NameOf(change.Object));
                break;
            case ("Node", not "DELETED"):
                var pods = store.Type("", "v1", "pods")!;
                foreach (var pod in store.List(pods, null).Items.Where(p => p["spec"]?["nodeName"] is null || p["status"]?["phase"]?.GetValue<string>() is null or "Pending"))
                {
                    Place(store, FakeKubeStore.NamespaceOf(pod), FakeKubeStore.NameOf(pod));
                }

                break;
        }
    }

    /// <summary>Schedules an unbound pod, and starts a bound one whose node is Ready.</summary>
    private void Place(FakeKubeStore store, string ns, string name)
    {
        var pods = store.Type("", "v1", "pods")!;
        var pod = store.Get(pods, ns, name);
        if (pod is null || pod["metadata"]?["deletionTimestamp"] is not null || pod["status"]?["phase"]?.GetValue<string>() is "Running" or "Succeeded" or "Failed")
        {
            return;
        }

        var nodeName = pod["spec"]?["nodeName"]?.GetValue<string>();
        if (nodeName is null)
        {
            Schedule(store, pods, pod);
            return;
        }

        var node = store.Get(store.Type("", "v1", "nodes")!, null, nodeName);
        if (node is null || !FakeKubeStore.IsReady(node))
        {
            return;
        }

        var uid = pod["metadata"]!["uid"]!.GetValue<string>();
        if (!_starting.Add(uid))
        {
            return;
        }

        store.Mutate(pods, ns, name, p => p["status"] = new JsonObject
        {
            ["phase"] = "Pending",
            ["conditions"] = new JsonArray(Condition("PodScheduled", "True", null, null)),
        });
        if (StartDelay <= TimeSpan.Zero)
        {
            Start(store, pods, ns, name, uid);
            return;
        }

        lock (_timersGate)
        {
            ITimer? timer = null;
            timer = time.CreateTimer(_ =>
            {
                Start(store, pods, ns, name, uid);
                lock (_timersGate)
                {
                    _timers.Remove(timer!);
                }

                timer!.Dispose();
            }, null, StartDelay, Timeout.InfiniteTimeSpan);
            _timers.Add(timer);
        }
    }

    private void Start(FakeKubeStore store, FakeResourceType pods, string ns, string name, string uid)
    {
        store.Mutate(pods, ns, name, p =>
        {
            if (p["metadata"]?["uid"]?.GetValue<string>() != uid || p["metadata"]?["deletionTimestamp"] is not null)
            {
                return;
            }

            p["status"] = new JsonObject
            {
                ["phase"] = "Running",
                ["startTime"] = Stamp(),
                ["conditions"] = new JsonArray(
                    Condition("PodScheduled", "True", null, null),
                    Condition("Initialized", "True", null, null),
                    Condition("ContainersReady", "True", null, null),
                    Condition("Ready", "True", null, null)),
            };
        });
    }

    private void Schedule(FakeKubeStore store, FakeResourceType pods, JsonObject pod)
    {
        var nodes = store.List(store.Type("", "v1", "nodes")!, null).Items;
        var ns = FakeKubeStore.NamespaceOf(pod);
        var name = FakeKubeStore.NameOf(pod);
        var placed = store.List(pods, null).Items
            .Where(p => p["spec"]?["nodeName"] is not null && p["metadata"]?["deletionTimestamp"] is null && FakeKubeStore.NameOf(p) != name).ToList();
        var schedulable = nodes.Where(n => n["spec"]?["unschedulable"]?.GetValue<bool>() != true && FakeKubeStore.IsReady(n)
            && !((n["spec"]?["taints"] as JsonArray)?.OfType<JsonObject>().Any(t => t["effect"]?.GetValue<string>() is "NoSchedule" or "NoExecute") ?? false)).ToList();
        var antiAffinity = pod["spec"]?["affinity"]?["podAntiAffinity"];
        var required = (antiAffinity?["requiredDuringSchedulingIgnoredDuringExecution"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        var fit = schedulable.Where(n => !required.Any(term => Conflicts(term, ns, n, nodes, placed))).ToList();
        if (fit.Count == 0)
        {
            var cordoned = nodes.Count(n => n["spec"]?["unschedulable"]?.GetValue<bool>() == true);
            var affinity = schedulable.Count;
            var reasons = new List<string>();
            if (cordoned > 0)
            {
                reasons.Add($"{cordoned} node(s) were unschedulable");
            }

            if (affinity > 0)
            {
                reasons.Add($"{affinity} node(s) didn't match pod anti-affinity rules");
            }

            if (nodes.Count - cordoned - affinity > 0)
            {
                reasons.Add($"{nodes.Count - cordoned - affinity} node(s) were not Ready or had untolerated taints");
            }

            store.Mutate(pods, ns, name, p => p["status"] = new JsonObject
            {
                ["phase"] = "Pending",
                ["conditions"] = new JsonArray(Condition("PodScheduled", "False", "Unschedulable",
                    $"0/{nodes.Count} nodes are available: {string.Join(", ", reasons)}.")),
            });
            return;
        }

        var preferred = (antiAffinity?["preferredDuringSchedulingIgnoredDuringExecution"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        var owner = ControllerUid(pod);
        var siblings = placed.Where(p => owner is not null && FakeKubeStore.NamespaceOf(p) == ns && ControllerUid(p) == owner).ToList();
        var chosen = fit
            .OrderBy(n => preferred.Sum(w => Conflicts(w["podAffinityTerm"] as JsonObject, ns, n, nodes, placed) ? JsonNumbers.Int(w["weight"]) ?? 1 : 0))
            .ThenBy(n => siblings.Count(p => p["spec"]?["nodeName"]?.GetValue<string>() == FakeKubeStore.NameOf(n)))
            .ThenBy(FakeKubeStore.NameOf, StringComparer.Ordinal).First();
        store.Mutate(pods, ns, name, p =>
        {
            p["spec"]!["nodeName"] = FakeKubeStore.NameOf(chosen);
            p.Remove("status");
        });
    }

    /// <summary>
    /// A pod anti-affinity term against <paramref name="node"/>: some placed pod of the term's namespaces (the pod's own
    /// when none are listed) whose labels its selector matches runs on a node with the same value of the term's
    /// topologyKey. A node without that label is in no topology domain, so nothing conflicts there.
    /// </summary>
    private static bool Conflicts(JsonObject? term, string ns, JsonObject node, IReadOnlyList<JsonObject> nodes, List<JsonObject> placed)
    {
        var key = term?["topologyKey"]?.GetValue<string>();
        if (term is null || key is null || node["metadata"]?["labels"]?[key]?.GetValue<string>() is not { } domain)
        {
            return false;
        }

        var namespaces = (term["namespaces"] as JsonArray)?.Select(n => n?.GetValue<string>()).ToHashSet() is { Count: > 0 } listed ? listed : [ns];
        var inDomain = nodes.Where(n => n["metadata"]?["labels"]?[key]?.GetValue<string>() == domain).Select(FakeKubeStore.NameOf).ToHashSet(StringComparer.Ordinal);
        return placed.Any(p => namespaces.Contains(FakeKubeStore.NamespaceOf(p)) && inDomain.Contains(p["spec"]!["nodeName"]!.GetValue<string>())
            && Selectors.Matches(term["labelSelector"], p["metadata"]?["labels"]));
    }

    /// <summary>A ReplicaSet or StatefulSet that still exists replaces its deleted pod.</summary>
    private void Replace(FakeKubeStore store, JsonObject deleted)
    {
        var owner = (deleted["metadata"]?["ownerReferences"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(o => o["controller"]?.GetValue<bool>() == true);
        var kind = owner?["kind"]?.GetValue<string>();
        var type = kind switch
        {
            "ReplicaSet" => store.Type("apps", "v1", "replicasets"),
            "StatefulSet" => store.Type("apps", "v1", "statefulsets"),
            _ => null,
        };
        var ns = FakeKubeStore.NamespaceOf(deleted);
        var controller = type is null ? null : store.Get(type, ns, owner!["name"]?.GetValue<string>() ?? string.Empty);
        if (controller is null || controller["metadata"]?["uid"]?.GetValue<string>() != owner!["uid"]?.GetValue<string>())
        {
            return;
        }

        var name = kind == "StatefulSet"
            ? FakeKubeStore.NameOf(deleted)
            : $"{FakeKubeStore.NameOf(controller)}-r{Interlocked.Increment(ref _generated):x4}";
        var spec = (JsonObject)(deleted["spec"]?.DeepClone() ?? new JsonObject());
        spec.Remove("nodeName");
        var metadata = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = ns,
            ["labels"] = deleted["metadata"]?["labels"]?.DeepClone(),
            ["ownerReferences"] = deleted["metadata"]?["ownerReferences"]?.DeepClone(),
        };
        store.Create(store.Type("", "v1", "pods")!, ns, new JsonObject { ["metadata"] = metadata, ["spec"] = spec });
    }

    private static string? ControllerUid(JsonObject pod) =>
        (pod["metadata"]?["ownerReferences"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(o => o["controller"]?.GetValue<bool>() == true)?["uid"]?.GetValue<string>();

    private JsonObject Condition(string type, string status, string? reason, string? message)
    {
        var condition = new JsonObject { ["type"] = type, ["status"] = status, ["lastTransitionTime"] = Stamp() };
        if (reason is not null)
        {
            condition["reason"] = reason;
            condition["message"] = message;
        }

        return condition;
    }

    private string Stamp() => time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
