using System.Globalization;
using System.Text.Json.Nodes;
using HomeOps.Fakes.Kubernetes;
using HomeOps.Fakes.Programs;

namespace HomeOps.Fakes.Controllers;

/// <summary>
/// helm-controller v1.1 at the level of a HelmRelease's Ready condition and its Helm release (<see cref="FakeHelm.History"/>),
/// enough for a release stuck after failed upgrades. The release is spec.releaseName, else
/// "[targetNamespace-]name", stored in spec.storageNamespace, else the target namespace, else the HelmRelease's
/// (api/v2 helmrelease_types.go GetReleaseName, GetStorageNamespace). A suspended HelmRelease is left alone. No
/// release: install (a deployed revision). Last revision deployed: Ready. Last revision failed or pending-*: the
/// retries are exhausted, so Ready False and Stalled (RetriesExceeded) until the annotation
/// reconcile.fluxcd.io/resetAt holds a value not yet handled (what `flux reconcile hr --reset` sets); then the
/// upgrade is tried again. An upgrade of a chart in <see cref="FailingCharts"/> fails (a failed revision).
/// status.lastHandledReconcileAt takes reconcile.fluxcd.io/requestedAt, as helm-controller does.
/// Does not model: rendering, drift detection, tests, remediation strategies, retries counting, uninstall remediation.
/// </summary>
public sealed class HelmReleaseController(FakeHelm helm, TimeProvider time) : IFakeController
{
    /// <summary>Chart names ("podinfo") whose install or upgrade fails (the real cause the operator fixes).</summary>
    public HashSet<string> FailingCharts { get; } = new(StringComparer.Ordinal);

    public void OnChanged(FakeKubeStore store, FakeWatchEvent change)
    {
        if (change.Type.Kind != "HelmRelease" || change.Type.Group != "helm.toolkit.fluxcd.io" || change.EventType == "DELETED")
        {
            return;
        }

        var hr = change.Object;
        if (hr["spec"]?["suspend"]?.GetValue<bool>() == true)
        {
            return;
        }

        var name = FakeKubeStore.NameOf(hr);
        var ns = FakeKubeStore.NamespaceOf(hr);
        var spec = hr["spec"];
        var target = spec?["targetNamespace"]?.GetValue<string>();
        var release = spec?["releaseName"]?.GetValue<string>() ?? (target is null ? name : $"{target}-{name}");
        var storage = spec?["storageNamespace"]?.GetValue<string>() ?? target ?? ns;
        var chartName = spec?["chart"]?["spec"]?["chart"]?.GetValue<string>() ?? name;
        var chart = $"{chartName}-{spec?["chart"]?["spec"]?["version"]?.GetValue<string>() ?? "0.0.0"}";
        var annotations = hr["metadata"]?["annotations"];
        var resetAt = annotations?["reconcile.fluxcd.io/resetAt"]?.GetValue<string>();
        var requestedAt = annotations?["reconcile.fluxcd.io/requestedAt"]?.GetValue<string>();
        var handledReset = hr["status"]?["lastHandledResetAt"]?.GetValue<string>();
        var generation = hr["metadata"]?["generation"]?.GetValue<long>() ?? 1;
        if (hr["status"]?["observedGeneration"]?.GetValue<long>() == generation && hr["status"]?["lastHandledReconcileAt"]?.GetValue<string>() == requestedAt
            && (resetAt is null || resetAt == handledReset))
        {
            return;
        }

        var revisions = helm.HistoryOf(storage, release);
        var last = revisions.LastOrDefault();
        string reason;
        bool ready;
        if (last is null || last.Status == "deployed" || (resetAt is not null && resetAt != handledReset))
        {
            var failed = FailingCharts.Contains(chartName);
            var action = last is null ? "Install" : "Upgrade";
            if (last is null || last.Status != "deployed" || last.Chart != chart || failed)
            {
                helm.Record(storage, release, failed ? "failed" : "deployed", chart, failed ? $"{action} \"{release}\" failed: context deadline exceeded" : $"{action} complete");
            }

            ready = !failed;
            reason = failed ? $"{action}Failed" : $"{action}Succeeded";
        }
        else
        {
            ready = false;
            reason = "RetriesExceeded";
        }

        var now = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var message = ready ? $"Helm {reason[..^9].ToLowerInvariant()} succeeded for release {storage}/{release}.v{revisions[^1].Number} with chart {chart}"
            : reason == "RetriesExceeded" ? $"Failed to upgrade after exhausting retries: release {storage}/{release} is {last!.Status}"
            : $"Helm {reason[..^6].ToLowerInvariant()} failed for release {storage}/{release} with chart {chart}: context deadline exceeded";
        var conditions = new JsonArray(new JsonObject
        {
            ["type"] = "Ready",
            ["status"] = ready ? "True" : "False",
            ["observedGeneration"] = generation,
            ["lastTransitionTime"] = now,
            ["reason"] = reason,
            ["message"] = message,
        });
        if (reason == "RetriesExceeded")
        {
            conditions.Add(new JsonObject { ["type"] = "Stalled", ["status"] = "True", ["reason"] = reason, ["message"] = message, ["lastTransitionTime"] = now });
        }

        store.Mutate(change.Type, ns, name, o =>
        {
            var status = new JsonObject { ["observedGeneration"] = generation, ["conditions"] = conditions };
            if (requestedAt is not null)
            {
                status["lastHandledReconcileAt"] = requestedAt;
            }

            if (resetAt is not null)
            {
                status["lastHandledResetAt"] = resetAt;
            }

            o["status"] = status;
        });
    }
}
