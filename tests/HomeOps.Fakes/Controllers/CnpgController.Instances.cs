using System.Globalization;
using System.Text.Json.Nodes;
using HomeOps.Fakes.Kubernetes;

namespace HomeOps.Fakes.Controllers;

/// <summary>
/// A Ready Cluster's instances and the switchover, as CloudNativePG 1.27.1 shows them through the API: spec.instances
/// pods NAME-1..N (labels cnpg.io/cluster, cnpg.io/instanceName, cnpg.io/podRole=instance, cnpg.io/instanceRole and
/// role primary|replica; pkg/utils/labels_annotations.go), spread over the Ready, schedulable nodes one per node in name
/// order (the default preferred pod anti-affinity), Running and Ready when their node is Ready (the fake stands in
/// for kubelet and instance manager); NAME-1 is status.currentPrimary and targetPrimary. A status.targetPrimary
/// that differs from currentPrimary is a switchover: a target that is not an active instance (missing, terminating,
/// failed), or no Ready instance at all, is set back to currentPrimary as the operator does
/// (internal/controller/cluster_status.go:286-309); a Ready target becomes currentPrimary after
/// <see cref="SwitchoverDelay"/> (the old primary shuts down, the target's instance manager promotes it), with phase
/// "Cluster in healthy state", Ready True and the role labels swapped; an active target that is not Ready waits.
/// Deleting the Cluster deletes its instance pods and budgets (the garbage collector). Its PodDisruptionBudgets and
/// the re-creation of an evicted instance are in CnpgController.Disruption.cs.
/// Does not model: the operator's own switchover when the primary's node is cordoned (replicas.go:217-296), failover
/// when the primary's pod goes away (a deleted primary comes back as the primary), the phase and readyInstances while
/// an instance is away, WAL receivers (every Ready replica counts as streaming), PVCs.
/// </summary>
public sealed partial class CnpgController
{
    private const string ClusterLabel = "cnpg.io/cluster";
    private readonly HashSet<string> _switching = new(StringComparer.Ordinal);

    /// <summary>How long a promotion takes once targetPrimary names a Ready instance (0: at once).</summary>
    public TimeSpan SwitchoverDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Switchovers completed: (cluster, from, to).</summary>
    public List<(string Cluster, string From, string To)> Switchovers { get; } = [];

    private sealed record Instances(List<string> Names, int Ready);

    private static Instances CreateInstances(FakeKubeStore store, JsonObject cluster)
    {
        var ns = FakeKubeStore.NamespaceOf(cluster);
        var name = FakeKubeStore.NameOf(cluster);
        var pods = store.Type("", "v1", "pods")!;
        var nodes = store.List(store.Type("", "v1", "nodes")!, null).Items
            .Where(n => n["spec"]?["unschedulable"]?.GetValue<bool>() != true && FakeKubeStore.IsReady(n)).ToList();
        var count = Math.Max(1, JsonNumbers.Int(cluster["spec"]?["instances"]) ?? 1);
        var names = new List<string>();
        var ready = 0;
        for (var i = 1; i <= count; i++)
        {
            var pod = $"{name}-{i}";
            names.Add(pod);
            var role = i == 1 ? "primary" : "replica";
            var node = nodes.Count == 0 ? null : FakeKubeStore.NameOf(nodes[(i - 1) % nodes.Count]);
            if (store.Get(pods, ns, pod) is null)
            {
                store.Create(pods, ns, InstancePod(cluster, pod, role, node));
            }

            if (node is not null)
            {
                ready++;
                store.Mutate(pods, ns, pod, p => p["status"] = new JsonObject
                {
                    ["phase"] = "Running",
                    ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "True" }),
                });
            }
        }

        return new Instances(names, ready);
    }

    private static void RemoveInstances(FakeKubeStore store, JsonObject cluster)
    {
        var pods = store.Type("", "v1", "pods")!;
        var uid = cluster["metadata"]?["uid"]?.GetValue<string>();
        // The garbage collector removes what the Cluster owns: its budgets and its instance pods.
        Budget(store, cluster, FakeKubeStore.NamespaceOf(cluster), FakeKubeStore.NameOf(cluster) + "-primary", "primary", null);
        Budget(store, cluster, FakeKubeStore.NamespaceOf(cluster), FakeKubeStore.NameOf(cluster), "replica", null);
        foreach (var pod in store.List(pods, FakeKubeStore.NamespaceOf(cluster)).Items
                     .Where(p => (p["metadata"]?["ownerReferences"] as JsonArray)?.OfType<JsonObject>().Any(o => o["uid"]?.GetValue<string>() == uid) == true))
        {
            store.Delete(pods, FakeKubeStore.NamespaceOf(pod), FakeKubeStore.NameOf(pod));
        }
    }

    private void Switchover(FakeKubeStore store, FakeResourceType clusters, string ns, string name)
    {
        var cluster = store.Get(clusters, ns, name);
        var current = cluster?["status"]?["currentPrimary"]?.GetValue<string>();
        var target = cluster?["status"]?["targetPrimary"]?.GetValue<string>();
        if (cluster is null || string.IsNullOrEmpty(current) || string.IsNullOrEmpty(target) || current == target)
        {
            return;
        }

        var pods = store.Type("", "v1", "pods")!;
        var instances = store.List(pods, ns).Items.Where(p => p["metadata"]?["labels"]?[ClusterLabel]?.GetValue<string>() == name).ToList();
        var active = instances.Where(p => p["metadata"]?["deletionTimestamp"] is null && p["status"]?["phase"]?.GetValue<string>() is not ("Failed" or "Succeeded")).ToList();
        var targetPod = active.FirstOrDefault(p => FakeKubeStore.NameOf(p) == target);
        if (targetPod is null || !instances.Any(FakeKubeStore.IsReady))
        {
            // cluster_status.go:286-309: "Wrong target primary, the chosen one is not active or not present".
            store.Mutate(clusters, ns, name, c =>
            {
                c["status"]!["targetPrimary"] = current;
                c["status"]!["targetPrimaryTimestamp"] = Timestamp();
                SetHealthy(c);
            });
            return;
        }

        var key = $"{ns}/{name}";
        lock (_switching)
        {
            if (!FakeKubeStore.IsReady(targetPod) || !_switching.Add(key))
            {
                return;
            }
        }

        if (SwitchoverDelay <= TimeSpan.Zero)
        {
            Promote(store, clusters, ns, name, target);
            return;
        }

        ITimer? timer = null;
        timer = time.CreateTimer(_ =>
        {
            Promote(store, clusters, ns, name, target);
            timer!.Dispose();
        }, null, SwitchoverDelay, Timeout.InfiniteTimeSpan);
    }

    private void Promote(FakeKubeStore store, FakeResourceType clusters, string ns, string name, string target)
    {
        lock (_switching)
        {
            _switching.Remove($"{ns}/{name}");
        }

        var cluster = store.Get(clusters, ns, name);
        var old = cluster?["status"]?["currentPrimary"]?.GetValue<string>();
        if (cluster is null || old is null || cluster["status"]?["targetPrimary"]?.GetValue<string>() != target)
        {
            return;
        }

        var pods = store.Type("", "v1", "pods")!;
        foreach (var (pod, role) in new[] { (old, "replica"), (target, "primary") })
        {
            store.Mutate(pods, ns, pod, p =>
            {
                p["metadata"]!["labels"]!["cnpg.io/instanceRole"] = role;
                p["metadata"]!["labels"]!["role"] = role;
            });
        }

        store.Mutate(clusters, ns, name, c =>
        {
            c["status"]!["currentPrimary"] = target;
            c["status"]!["currentPrimaryTimestamp"] = Timestamp();
            SetHealthy(c);
        });
        Switchovers.Add(($"{ns}/{name}", old, target));
    }

    private void SetHealthy(JsonObject cluster)
    {
        var status = (JsonObject)cluster["status"]!;
        status["phase"] = "Cluster in healthy state";
        status.Remove("phaseReason");
        var conditions = status["conditions"] as JsonArray ?? [];
        status["conditions"] = conditions;
        var ready = conditions.OfType<JsonObject>().FirstOrDefault(c => c["type"]?.GetValue<string>() == "Ready");
        var next = new JsonObject
        {
            ["type"] = "Ready",
            ["status"] = "True",
            ["reason"] = "ClusterIsReady",
            ["message"] = "Cluster is Ready",
            ["lastTransitionTime"] = ready?["status"]?.GetValue<string>() == "True" ? ready["lastTransitionTime"]?.DeepClone() : Timestamp(),
        };
        if (ready is null)
        {
            conditions.Add(next);
        }
        else
        {
            conditions[conditions.IndexOf(ready)] = next;
        }
    }

    private string Timestamp() => time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static JsonObject WithoutNulls(JsonObject obj)
    {
        foreach (var key in obj.Where(kv => kv.Value is null).Select(kv => kv.Key).ToList())
        {
            obj.Remove(key);
        }

        return obj;
    }
}
