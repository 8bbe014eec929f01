using System.Globalization;
using System.Text.Json.Nodes;
using HomeOps.Fakes.Kubernetes;

namespace HomeOps.Fakes.Controllers;

/// <summary>
/// kube-controller-manager's disruption controller (kubernetes pkg/controller/disruption/disruption.go, read at the
/// 1.27 line: getExpectedPodCount, getExpectedScale, countHealthyPods, buildDisruptedPodMap, updatePdbStatus,
/// failSafe), which every fake API server runs: whenever a pod, a budget or a workload's scale changes, each
/// PodDisruptionBudget of that namespace gets its status from the pods its selector matches. minAvailable as a number:
/// expectedPods = the matched pods, desiredHealthy = the number; maxUnavailable or a percentage: expectedPods = the sum
/// of spec.replicas of the pods' controllers (ReplicaSet, StatefulSet, Deployment), rounded up as intstr does; a pod
/// whose controller is not found makes the budget fail safe (disruptionsAllowed 0, DisruptionAllowed False SyncFailed).
/// currentHealthy counts Ready pods that are not terminating and not in disruptedPods (for two minutes after an
/// eviction, DeletionTimeout); disruptionsAllowed = currentHealthy − desiredHealthy, never below 0, 0 without
/// expected pods. Tests never write a budget's status: this controller does.
/// Does not model: the recheck queue (a disruptedPods entry expires at the next change after two minutes), scale
/// subresources of custom workloads, stale DisruptionTarget conditions.
/// </summary>
public sealed class DisruptionController(TimeProvider time) : IFakeController
{
    private static readonly TimeSpan s_deletionTimeout = TimeSpan.FromMinutes(2);

    public void OnChanged(FakeKubeStore store, FakeWatchEvent change)
    {
        if (change.Type.Kind is not ("Pod" or "PodDisruptionBudget" or "ReplicaSet" or "StatefulSet" or "Deployment")
            || (change.Type.Kind == "PodDisruptionBudget" && change.EventType == "DELETED"))
        {
            return;
        }

        var budgets = store.Type("policy", "v1", "poddisruptionbudgets")!;
        var ns = FakeKubeStore.NamespaceOf(change.Object);
        foreach (var pdb in store.List(budgets, ns).Items)
        {
            Sync(store, budgets, pdb);
        }
    }

    /// <summary>pdbhelper.UpdateDisruptionAllowedCondition: True SufficientPods while disruptions are allowed, else False InsufficientPods.</summary>
    public static void SetAllowedCondition(JsonObject status, string now)
    {
        var allowed = (JsonNumbers.Int(status["disruptionsAllowed"]) ?? 0) > 0;
        SetCondition(status, allowed ? "True" : "False", allowed ? "SufficientPods" : "InsufficientPods", string.Empty, now);
    }

    private void Sync(FakeKubeStore store, FakeResourceType budgets, JsonObject pdb)
    {
        var ns = FakeKubeStore.NamespaceOf(pdb);
        var now = time.GetUtcNow();
        var stamp = Stamp(now);
        var pods = store.List(store.Type("", "v1", "pods")!, ns).Items
            .Where(p => Selectors.Matches(pdb["spec"]?["selector"], p["metadata"]?["labels"])).ToList();
        var generation = JsonNumbers.Long(pdb["metadata"]?["generation"]) ?? 1;
        var (expected, desired, error) = Expected(store, pdb, pods);
        if (error is not null)
        {
            store.Mutate(budgets, ns, FakeKubeStore.NameOf(pdb), b =>
            {
                var status = b["status"] as JsonObject ?? [];
                b["status"] = status;
                status["disruptionsAllowed"] = 0;
                SetCondition(status, "False", "SyncFailed", error, stamp);
            });
            return;
        }

        var disrupted = new JsonObject();
        foreach (var pod in pods.Where(p => p["metadata"]?["deletionTimestamp"] is null))
        {
            var name = FakeKubeStore.NameOf(pod);
            if (pdb["status"]?["disruptedPods"]?[name]?.GetValue<string>() is { } at
                && DateTimeOffset.Parse(at, CultureInfo.InvariantCulture) + s_deletionTimeout > now)
            {
                disrupted[name] = at;
            }
        }

        var healthy = pods.Count(p => p["metadata"]?["deletionTimestamp"] is null && !disrupted.ContainsKey(FakeKubeStore.NameOf(p)) && FakeKubeStore.IsReady(p));
        var allowed = expected <= 0 || healthy - desired <= 0 ? 0 : healthy - desired;
        store.Mutate(budgets, ns, FakeKubeStore.NameOf(pdb), b =>
        {
            var old = b["status"] as JsonObject;
            var status = new JsonObject
            {
                ["currentHealthy"] = healthy,
                ["desiredHealthy"] = desired,
                ["expectedPods"] = expected,
                ["disruptionsAllowed"] = allowed,
                ["observedGeneration"] = generation,
                ["conditions"] = old?["conditions"]?.DeepClone() ?? new JsonArray(),
            };
            if (disrupted.Count > 0)
            {
                status["disruptedPods"] = disrupted.DeepClone();
            }

            SetAllowedCondition(status, stamp);
            b["status"] = status;
        });
    }

    /// <summary>getExpectedPodCount: (expectedPods, desiredHealthy), or the error failSafe writes.</summary>
    private static (int Expected, int Desired, string? Error) Expected(FakeKubeStore store, JsonObject pdb, List<JsonObject> pods)
    {
        var spec = pdb["spec"];
        if (spec?["maxUnavailable"] is { } maxUnavailable)
        {
            var (scale, error) = Scale(store, pods);
            return error is not null ? (0, 0, error) : (scale, Math.Max(0, scale - Scaled(maxUnavailable, scale)), null);
        }

        if (spec?["minAvailable"] is { } minAvailable)
        {
            if (minAvailable.GetValueKind() == System.Text.Json.JsonValueKind.Number)
            {
                return (pods.Count, JsonNumbers.Int(minAvailable) ?? 0, null);
            }

            var (scale, error) = Scale(store, pods);
            return error is not null ? (0, 0, error) : (scale, Scaled(minAvailable, scale), null);
        }

        return (0, 0, null);
    }

    /// <summary>getExpectedScale: the sum of spec.replicas over the pods' distinct controllers.</summary>
    private static (int Scale, string? Error) Scale(FakeKubeStore store, List<JsonObject> pods)
    {
        var scales = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pod in pods)
        {
            var owner = (pod["metadata"]?["ownerReferences"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(o => o["controller"]?.GetValue<bool>() == true);
            if (owner is null)
            {
                // An unmanaged pod is only a warning event upstream; it adds nothing to the scale.
                continue;
            }

            var uid = owner["uid"]?.GetValue<string>() ?? string.Empty;
            if (scales.ContainsKey(uid))
            {
                continue;
            }

            var kind = owner["kind"]?.GetValue<string>();
            var type = kind switch
            {
                "ReplicaSet" => store.Type("apps", "v1", "replicasets"),
                "StatefulSet" => store.Type("apps", "v1", "statefulsets"),
                "Deployment" => store.Type("apps", "v1", "deployments"),
                _ => null,
            };
            var controller = type is null ? null : store.Get(type, FakeKubeStore.NamespaceOf(pod), owner["name"]?.GetValue<string>() ?? string.Empty);
            if (controller is null || controller["metadata"]?["uid"]?.GetValue<string>() != uid)
            {
                return (0, $"found no controllers for pod \"{FakeKubeStore.NameOf(pod)}\"");
            }

            scales[uid] = JsonNumbers.Int(controller["spec"]?["replicas"]) ?? 1;
        }

        return (scales.Values.Sum(), null);
    }

    /// <summary>intstr.GetScaledValueFromIntOrPercent with rounding up.</summary>
    private static int Scaled(JsonNode value, int total)
    {
        if (value.GetValueKind() == System.Text.Json.JsonValueKind.Number)
        {
            return JsonNumbers.Int(value) ?? 0;
        }

        var text = value.GetValue<string>().TrimEnd('%');
        return (int)Math.Ceiling(int.Parse(text, CultureInfo.InvariantCulture) * total / 100.0);
    }

    private static void SetCondition(JsonObject status, string value, string reason, string message, string now)
    {
        var conditions = status["conditions"] as JsonArray ?? [];
        status["conditions"] = conditions;
        var old = conditions.OfType<JsonObject>().FirstOrDefault(c => c["type"]?.GetValue<string>() == "DisruptionAllowed");
        var transition = old?["status"]?.GetValue<string>() == value ? old["lastTransitionTime"]?.DeepClone() : now;
        var next = new JsonObject
        {
            ["type"] = "DisruptionAllowed",
            ["status"] = value,
            ["reason"] = reason,
            ["message"] = message,
            ["observedGeneration"] = status["observedGeneration"]?.DeepClone(),
            ["lastTransitionTime"] = transition ?? now,
        };
        if (old is not null)
        {
            conditions[conditions.IndexOf(old)] = next;
        }
        else
        {
            conditions.Add(next);
        }
    }

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
