using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using HomeOps.Fakes.Kubernetes;

namespace HomeOps.Fakes.Controllers;

/// <summary>
/// longhorn-manager 1.12.1's volume controller as far as a node reboot goes, at the level of the Volume and Replica
/// CRs (controller/volume_controller.go). When a Kubernetes Node stops being Ready, each replica there that served
/// data is marked failed (spec.failedAt set, desired and current state stopped: ReconcileEngineReplicaState,
/// volume_controller.go:859-877, the engine sees it ERR), and every volume it belongs to is "degraded" (fewer healthy
/// replicas than spec.numberOfReplicas, :979-980) or "faulted" (none). When the Node is Ready again, each failed
/// replica there is reused for the rebuild, one per volume at a time (replenishReplicas, :3700-3735: failedAt and
/// healthyAt cleared, running again); after <see cref="RebuildDelay"/> (or when <see cref="HoldRebuilds"/> is
/// released) the rebuild ends: healthyAt set (:886-891, the replica is RW), and the volume "healthy" once its healthy
/// replicas reach numberOfReplicas (:951). <see cref="Degraded"/> and <see cref="Rebuilt"/> record what happened.
/// Does not model: engines, the engine's node going down (the volume's attachment), auto-salvage, the
/// replica-replenishment wait interval, stale-replica timeouts, new replicas on other nodes, data locality.
/// </summary>
public sealed partial class LonghornController
{
    private readonly Lock _volumesGate = new();
    private readonly Dictionary<string, bool> _nodeReady = new(StringComparer.Ordinal);
    private readonly HashSet<string> _rebuilding = new(StringComparer.Ordinal);

    /// <summary>How long a replica's rebuild takes once its node is back (0: at once).</summary>
    public TimeSpan RebuildDelay { get; set; } = TimeSpan.Zero;

    /// <summary>While true, rebuilds start but do not finish (a volume stays degraded); <see cref="ReleaseRebuilds"/> ends them.</summary>
    public bool HoldRebuilds { get; set; }

    /// <summary>Volumes that turned degraded or faulted, with the node whose reboot did it, in order (rebuild timers add from other threads).</summary>
    public ConcurrentQueue<(string Volume, string Node)> Degraded { get; } = new();

    /// <summary>Replicas rebuilt, in order.</summary>
    public ConcurrentQueue<string> Rebuilt { get; } = new();

    /// <summary>Lets held rebuilds finish now.</summary>
    public void ReleaseRebuilds(FakeKubeStore store)
    {
        HoldRebuilds = false;
        List<string> held;
        lock (_volumesGate)
        {
            held = [.. _rebuilding];
        }

        foreach (var replica in held)
        {
            FinishRebuild(store, replica);
        }
    }

    private void OnNode(FakeKubeStore store, FakeWatchEvent change)
    {
        var node = FakeKubeStore.NameOf(change.Object);
        var ready = change.EventType != "DELETED" && FakeKubeStore.IsReady(change.Object);
        bool was;
        lock (_volumesGate)
        {
            // A node first seen now was Ready before (the controller joined a running cluster).
            was = _nodeReady.TryGetValue(node, out var w) ? w : true;
            _nodeReady[node] = ready;
        }

        if (store.TypeOf("longhorn.io/v1beta2", "Replica") is not { } replicas || store.TypeOf("longhorn.io/v1beta2", "Volume") is not { } volumes)
        {
            return;
        }

        if (was && !ready)
        {
            Fail(store, replicas, volumes, node);
        }
        else if (!was && ready)
        {
            Reuse(store, replicas, node);
        }
    }

    private void Fail(FakeKubeStore store, FakeResourceType replicas, FakeResourceType volumes, string node)
    {
        var now = Stamp();
        var hit = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var replica in store.List(replicas, null).Items.Where(r => Str(r, "spec", "nodeID") == node && string.IsNullOrEmpty(Str(r, "spec", "failedAt"))))
        {
            store.Mutate(replicas, FakeKubeStore.NamespaceOf(replica), FakeKubeStore.NameOf(replica), r =>
            {
                r["spec"]!["failedAt"] = now;
                r["spec"]!["desireState"] = "stopped";
                r["status"] = new JsonObject { ["currentState"] = "stopped" };
            });
            hit.Add(Str(replica, "spec", "volumeName") ?? string.Empty);
        }

        foreach (var volume in hit)
        {
            if (Judge(store, replicas, volumes, volume) is "degraded" or "faulted")
            {
                Degraded.Enqueue((volume, node));
            }
        }
    }

    private void Reuse(FakeKubeStore store, FakeResourceType replicas, string node)
    {
        foreach (var replica in store.List(replicas, null).Items.Where(r => Str(r, "spec", "nodeID") == node && !string.IsNullOrEmpty(Str(r, "spec", "failedAt"))).ToList())
        {
            var ns = FakeKubeStore.NamespaceOf(replica);
            var name = FakeKubeStore.NameOf(replica);
            store.Mutate(replicas, ns, name, r =>
            {
                r["spec"]!["failedAt"] = string.Empty;
                r["spec"]!["healthyAt"] = string.Empty;
                r["spec"]!["desireState"] = "running";
                r["status"] = new JsonObject { ["currentState"] = "running" };
            });
            var key = $"{ns}/{name}";
            lock (_volumesGate)
            {
                _rebuilding.Add(key);
            }

            if (HoldRebuilds)
            {
                continue;
            }

            if (RebuildDelay <= TimeSpan.Zero)
            {
                FinishRebuild(store, key);
                continue;
            }

            ITimer? timer = null;
            timer = time.CreateTimer(_ =>
            {
                if (!HoldRebuilds)
                {
                    FinishRebuild(store, key);
                }

                timer!.Dispose();
            }, null, RebuildDelay, Timeout.InfiniteTimeSpan);
        }
    }

    private void FinishRebuild(FakeKubeStore store, string key)
    {
        lock (_volumesGate)
        {
            if (!_rebuilding.Remove(key))
            {
                return;
            }
        }

        var replicas = store.TypeOf("longhorn.io/v1beta2", "Replica")!;
        var (ns, name) = (key[..key.IndexOf('/', StringComparison.Ordinal)], key[(key.IndexOf('/', StringComparison.Ordinal) + 1)..]);
        var replica = store.Mutate(replicas, ns, name, r => r["spec"]!["healthyAt"] = Stamp());
        if (replica is null)
        {
            return;
        }

        Rebuilt.Enqueue(name);
        Judge(store, replicas, store.TypeOf("longhorn.io/v1beta2", "Volume")!, Str(replica, "spec", "volumeName") ?? string.Empty);
    }

    /// <summary>The volume's robustness from its replicas: healthy, degraded or faulted; written to its status.</summary>
    private static string? Judge(FakeKubeStore store, FakeResourceType replicas, FakeResourceType volumes, string volume)
    {
        var volumeNs = "longhorn-system";
        var found = store.List(volumes, null).Items.FirstOrDefault(v => FakeKubeStore.NameOf(v) == volume);
        if (found is null)
        {
            return null;
        }

        volumeNs = FakeKubeStore.NamespaceOf(found);
        var healthy = store.List(replicas, null).Items.Count(r => Str(r, "spec", "volumeName") == volume && Str(r, "status", "currentState") == "running"
            && string.IsNullOrEmpty(Str(r, "spec", "failedAt")) && !string.IsNullOrEmpty(Str(r, "spec", "healthyAt")));
        var wanted = JsonNumbers.Int(found["spec"]?["numberOfReplicas"]) ?? 3;
        var robustness = healthy >= wanted ? "healthy" : healthy > 0 ? "degraded" : "faulted";
        store.Mutate(volumes, volumeNs, volume, v =>
        {
            var status = v["status"] as JsonObject ?? [];
            v["status"] = status;
            status["robustness"] = robustness;
        });
        return robustness;
    }

    private static string? Str(JsonObject obj, string a, string b) => obj[a]?[b]?.GetValue<string>();

    private string Stamp() => time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
