using System.Text.Json.Nodes;
using HomeOps.Operations.Bootstrap;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Operations.Recovery.Flux;

/// <summary>
/// Reading and flipping the suspend state of Flux objects (Kustomizations, HelmReleases, GitRepositories), as
/// kustomize-controller and helm-controller read them.
/// </summary>
public static class FluxObjects
{
    /// <summary>
    /// The field manager of suspend writes. Separate from the bootstrap's "homeops": in server-side apply a manager's
    /// next apply removes the fields it owned and no longer sends, so applying only spec.suspend as "homeops" would
    /// strip the root Kustomization the bootstrap applied.
    /// </summary>
    public const string FieldManager = "homeops-suspend";

    public static bool IsSuspended(JsonObject obj) => obj["spec"]?["suspend"]?.GetValue<bool>() == true;

    /// <summary>
    /// Ready for its current generation: what kustomize-controller v1.4.0 requires of a dependency
    /// (internal/controller/kustomization_controller.go:497-503): conditions present, observedGeneration equal to
    /// generation, Ready True. A suspended object that was Ready keeps Ready and gets its new generation observed
    /// (finalizeStatus, :1055-1060), so suspending never blocks dependents; a suspended object that never
    /// reconciled has no conditions, and blocks them.
    /// </summary>
    public static bool IsReady(JsonObject? obj) =>
        obj?["status"]?["conditions"] is JsonArray conditions
        && conditions.Any(c => c?["type"]?.GetValue<string>() == "Ready" && c["status"]?.GetValue<string>() == "True")
        && obj["status"]?["observedGeneration"]?.GetValue<long>() == obj["metadata"]?["generation"]?.GetValue<long>();

    /// <summary>"DependencyNotReady: dependency 'flux-system/x' is not ready", or "not reconciled yet".</summary>
    public static string ReadyStatus(JsonObject? obj)
    {
        if (obj is null)
        {
            return "not created yet";
        }

        if (IsSuspended(obj))
        {
            return "suspended";
        }

        var ready = (obj["status"]?["conditions"] as JsonArray)?.FirstOrDefault(c => c?["type"]?.GetValue<string>() == "Ready");
        return ready is null ? "not reconciled yet" : $"{ready["reason"]}: {ready["message"]}";
    }

    /// <summary>The smallest server-side apply that sets spec.suspend: what `flux suspend` and `flux resume` change.</summary>
    public static JsonObject SuspendPatch(KubeResource resource, string ns, string name, bool suspend) => new()
    {
        ["apiVersion"] = resource.ApiVersion,
        ["kind"] = resource.Kind,
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["spec"] = new JsonObject { ["suspend"] = suspend },
    };

    /// <summary>The annotation `flux reconcile` sets: the controllers reconcile an object again when its value changes.</summary>
    public const string ReconcileRequestedAt = "reconcile.fluxcd.io/requestedAt";

    /// <summary>The smallest server-side apply that asks Flux to reconcile now, as `flux reconcile` does.</summary>
    public static JsonObject ReconcilePatch(KubeResource resource, string ns, string name, DateTimeOffset now) => new()
    {
        ["apiVersion"] = resource.ApiVersion,
        ["kind"] = resource.Kind,
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = ns,
            ["annotations"] = new JsonObject { [ReconcileRequestedAt] = now.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", System.Globalization.CultureInfo.InvariantCulture) },
        },
    };

    /// <summary>
    /// Sets spec.suspend on an existing object. Returns false when the object does not exist: an apply would create
    /// it from the patch alone.
    /// </summary>
    public static async Task<bool> SetSuspendAsync(BootstrapContext context, KubeResource resource, string ns, string name, bool suspend, CancellationToken cancellationToken)
    {
        var live = await context.Kube.GetAsync(resource, ns, name, cancellationToken).ConfigureAwait(false);
        if (live is null)
        {
            return false;
        }

        if (IsSuspended(live) != suspend)
        {
            await context.Kube.ApplyAsync(resource, SuspendPatch(resource, ns, name, suspend), FieldManager, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }
}
