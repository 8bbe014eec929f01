using System.Text.Json.Nodes;

namespace HomeOps.Fakes.Kubernetes;

/// <summary>
/// POST pods/NAME/eviction as the real handler answers it (kubernetes pkg/registry/core/pod/storage/eviction.go,
/// EvictionREST.Create, checkAndDecrement, getPodDisruptionBudgets, canIgnorePDB; read at the 1.27 line, whose logic
/// 1.31 keeps): a pod that is Pending, Succeeded, Failed or already terminating is deleted without looking at budgets;
/// otherwise the PodDisruptionBudgets of the pod's namespace whose selector matches its labels decide: none → deleted;
/// more than one → 500 "This pod has more than one PodDisruptionBudget, which the eviction subresource does not
/// support."; one whose status is older than its generation → 429 "...is still being processed by the server.";
/// negative disruptionsAllowed → 403; 0 → 429 "Cannot evict pod as it would violate the pod's disruption budget."
/// with the cause "The disruption budget NAME needs N healthy pods and has M currently"; else disruptionsAllowed is
/// decremented, the pod recorded in status.disruptedPods and deleted (after the DisruptionTarget condition). An
/// unready pod is deleted without decrementing when the budget's policy is AlwaysAllow, or when the budget is met
/// (currentHealthy ≥ desiredHealthy > 0). Pods are deleted at once: this fake has no graceful termination.
/// </summary>
public sealed partial class FakeKubeStore
{
    public const string EvictionBlockedMessage = "Cannot evict pod as it would violate the pod's disruption budget.";

    /// <summary>Evictions answered, per outcome ("evicted", "429", "500", ...), for tests that count attempts.</summary>
    public List<(string Pod, int Code)> Evictions { get; } = [];

    public (int Code, JsonObject Body) Evict(string ns, string name, JsonObject eviction)
    {
        lock (_gate)
        {
            var answer = EvictLocked(ns, name, eviction);
            Evictions.Add(($"{ns}/{name}", answer.Code));
            return answer;
        }
    }

    private (int Code, JsonObject Body) EvictLocked(string ns, string name, JsonObject eviction)
    {
        var pods = Type("", "v1", "pods")!;
        if (eviction["kind"]?.GetValue<string>() is { } kind && kind != "Eviction")
        {
            throw new FakeKubeException(KubeStatus.Failure(400, "BadRequest", $"not a Eviction object: {kind}"));
        }

        if (eviction["apiVersion"]?.GetValue<string>() is { } apiVersion && apiVersion is not ("policy/v1" or "policy/v1beta1"))
        {
            throw new FakeKubeException(KubeStatus.Failure(400, "BadRequest", $"the API version in the data ({apiVersion}) does not match the expected API version (policy/v1)"));
        }

        if (eviction["metadata"]?["name"]?.GetValue<string>() != name)
        {
            throw new FakeKubeException(KubeStatus.Failure(400, "BadRequest", "name in URL does not match name in Eviction object"));
        }

        var pod = Get(pods, ns, name) ?? throw new FakeKubeException(KubeStatus.NotFound(pods, name));
        var phase = pod["status"]?["phase"]?.GetValue<string>();
        if (phase is "Succeeded" or "Failed" or "Pending" || pod["metadata"]?["deletionTimestamp"] is not null)
        {
            return DeleteEvicted(pods, ns, name);
        }

        var budgets = Type("policy", "v1", "poddisruptionbudgets")!;
        var matching = List(budgets, ns).Items.Where(b => Selectors.Matches(b["spec"]?["selector"], pod["metadata"]?["labels"])).ToList();
        if (matching.Count > 1)
        {
            return (500, new JsonObject
            {
                ["kind"] = "Status",
                ["apiVersion"] = "v1",
                ["metadata"] = new JsonObject(),
                ["status"] = "Failure",
                ["message"] = "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.",
                ["code"] = 500,
            });
        }

        if (matching.Count == 0)
        {
            return DeleteEvicted(pods, ns, name);
        }

        var pdb = matching[0];
        var pdbName = NameOf(pdb);
        var status = pdb["status"] as JsonObject ?? [];
        int Read(string field) => JsonNumbers.Int(status[field]) ?? 0;
        if (!IsReady(pod))
        {
            var alwaysAllow = pdb["spec"]?["unhealthyPodEvictionPolicy"]?.GetValue<string>() == "AlwaysAllow";
            if (alwaysAllow || (Read("currentHealthy") >= Read("desiredHealthy") && Read("desiredHealthy") > 0))
            {
                return DeleteEvicted(pods, ns, name);
            }
        }

        if ((JsonNumbers.Long(status["observedGeneration"]) ?? 0) < (JsonNumbers.Long(pdb["metadata"]?["generation"]) ?? 0))
        {
            return TooManyRequests(10, $"The disruption budget {pdbName} is still being processed by the server.");
        }

        if (Read("disruptionsAllowed") < 0)
        {
            throw new FakeKubeException(KubeStatus.Failure(403, "Forbidden", $"poddisruptionbudgets.policy \"{pdbName}\" is forbidden: pdb disruptions allowed is negative", pdbName, budgets));
        }

        if (Read("disruptionsAllowed") == 0)
        {
            return TooManyRequests(0, $"The disruption budget {pdbName} needs {Read("desiredHealthy")} healthy pods and has {Read("currentHealthy")} currently");
        }

        Mutate(budgets, ns, pdbName, b =>
        {
            var s = (JsonObject)b["status"]!;
            var allowed = (JsonNumbers.Int(s["disruptionsAllowed"]) ?? 0) - 1;
            s["disruptionsAllowed"] = allowed;
            var disrupted = s["disruptedPods"] as JsonObject ?? [];
            disrupted[name] = Now();
            s["disruptedPods"] = disrupted;
            if (allowed == 0)
            {
                Controllers.DisruptionController.SetAllowedCondition(s, Now());
            }
        });
        return DeleteEvicted(pods, ns, name);
    }

    private (int Code, JsonObject Body) DeleteEvicted(FakeResourceType pods, string ns, string name)
    {
        // addConditionAndDeletePod: the DisruptionTarget condition first, then the delete.
        var now = Now();
        Mutate(pods, ns, name, p =>
        {
            var status = p["status"] as JsonObject ?? [];
            p["status"] = status;
            var conditions = status["conditions"] as JsonArray ?? [];
            status["conditions"] = conditions;
            conditions.Add(new JsonObject
            {
                ["type"] = "DisruptionTarget",
                ["status"] = "True",
                ["reason"] = "EvictionByEvictionAPI",
                ["message"] = "Eviction API: evicting",
                ["lastTransitionTime"] = now,
            });
        });
        Delete(pods, ns, name);
        return (201, new JsonObject { ["kind"] = "Status", ["apiVersion"] = "v1", ["metadata"] = new JsonObject(), ["status"] = "Success", ["code"] = 201 });
    }

    private static (int Code, JsonObject Body) TooManyRequests(int retryAfterSeconds, string cause)
    {
        var details = new JsonObject { ["causes"] = new JsonArray(new JsonObject { ["reason"] = "DisruptionBudget", ["message"] = cause }) };
        if (retryAfterSeconds > 0)
        {
            details["retryAfterSeconds"] = retryAfterSeconds;
        }

        var body = KubeStatus.Failure(429, "TooManyRequests", EvictionBlockedMessage);
        body["details"] = details;
        return (429, body);
    }

    /// <summary>The pod's Ready condition is True (podutil.IsPodReady), the only health the budgets count.</summary>
    public static bool IsReady(JsonObject pod) =>
        (pod["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>()
            .Any(c => c["type"]?.GetValue<string>() == "Ready" && c["status"]?.GetValue<string>() == "True") == true;
}
