using System.Text.Json.Nodes;
using HomeOps.Fakes.Kubernetes;

namespace HomeOps.Fakes.Controllers;

/// <summary>
/// A stand-in for kustomize-controller. When the root Kustomization flux-system appears (with its GitRepository),
/// it "applies the tree": creates the Kustomizations of <see cref="Tree"/>. Each Kustomization turns Ready once
/// every dependsOn is Ready (status as Flux writes it: observedGeneration, ReconciliationSucceeded, or
/// DependencyNotReady naming the dependency). Names in <see cref="Stuck"/> never turn Ready.
/// Suspended Kustomizations are not reconciled (FluxController.Suspend.cs).
/// lastAppliedRevision is the artifact revision of its GitRepository (GitSourceController), re-applied when it changes.
/// Does not model: building or applying manifests, health checks, intervals, pruning.
/// </summary>
public sealed partial class FluxController(TimeProvider time) : IFakeController
{
    public List<(string Name, string[] DependsOn)> Tree { get; } = [];

    public HashSet<string> Stuck { get; } = new(StringComparer.Ordinal);

    public void OnChanged(FakeKubeStore store, FakeWatchEvent change)
    {
        if (change.Type.Kind is not ("Kustomization" or "GitRepository") || change.EventType == "DELETED"
            || store.TypeOf("kustomize.toolkit.fluxcd.io/v1", "Kustomization") is not { } kustomizations)
        {
            return;
        }

        if (FakeKubeStore.NameOf(change.Object) == "flux-system" && change.EventType == "ADDED")
        {
            foreach (var (name, dependsOn) in Tree.Where(t => store.Get(kustomizations, "flux-system", t.Name) is null))
            {
                store.Create(kustomizations, "flux-system", new JsonObject
                {
                    ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "flux-system" },
                    ["spec"] = new JsonObject
                    {
                        ["path"] = $"./infrastructure/{name}",
                        ["dependsOn"] = new JsonArray([.. dependsOn.Select(d => (JsonNode)new JsonObject { ["name"] = d })]),
                    },
                });
            }
        }

        // Re-evaluate everything: a change to one Kustomization may unblock its dependents.
        foreach (var k in store.List(kustomizations, null).Items)
        {
            Reconcile(store, kustomizations, k);
        }
    }

    private void Reconcile(FakeKubeStore store, FakeResourceType type, JsonObject k)
    {
        if (SkipSuspended(store, type, k))
        {
            return;
        }

        var name = FakeKubeStore.NameOf(k);
        var ns = FakeKubeStore.NamespaceOf(k);
        var blocking = (k["spec"]?["dependsOn"] as JsonArray ?? [])
            .Select(d => (Ns: d?["namespace"]?.GetValue<string>() ?? ns, Name: d?["name"]?.GetValue<string>() ?? string.Empty))
            .FirstOrDefault(d => !IsReady(store.Get(type, d.Ns, d.Name)));
        var ready = blocking == default && !Stuck.Contains(name);
        var reason = ready ? "ReconciliationSucceeded" : blocking != default ? "DependencyNotReady" : "ProgressingWithRetry";
        var revision = SourceRevision(store, k);
        var message = ready ? $"Applied revision: {revision}"
            : blocking != default ? $"dependency '{blocking.Ns}/{blocking.Name}' is not ready" : "health check failed";
        var generation = k["metadata"]?["generation"]?.GetValue<long>() ?? 1;
        var current = k["status"]?["conditions"]?[0];
        var applied = ready ? revision : k["status"]?["lastAppliedRevision"]?.GetValue<string>();
        if (current?["reason"]?.GetValue<string>() == reason && k["status"]?["observedGeneration"]?.GetValue<long>() == generation
            && k["status"]?["lastAppliedRevision"]?.GetValue<string>() == applied)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        store.Mutate(type, ns, name, o => o["status"] = new JsonObject
        {
            ["observedGeneration"] = generation,
            ["lastAppliedRevision"] = applied,
            ["conditions"] = new JsonArray(new JsonObject
            {
                ["type"] = "Ready",
                ["status"] = ready ? "True" : "False",
                ["observedGeneration"] = generation,
                ["lastTransitionTime"] = now,
                ["reason"] = reason,
                ["message"] = message,
            }),
        });
    }

    /// <summary>The artifact revision of the Kustomization's GitRepository (flux-system when none is named), or the fixed default.</summary>
    private static string SourceRevision(FakeKubeStore store, JsonObject k)
    {
        var repositories = store.TypeOf("source.toolkit.fluxcd.io/v1", "GitRepository");
        var source = k["spec"]?["sourceRef"];
        var repo = repositories is null ? null
            : store.Get(repositories, source?["namespace"]?.GetValue<string>() ?? FakeKubeStore.NamespaceOf(k), source?["name"]?.GetValue<string>() ?? "flux-system");
        return repo?["status"]?["artifact"]?["revision"]?.GetValue<string>() ?? $"main@sha1:{GitSourceController.DefaultHead}";
    }

    private static bool IsReady(JsonObject? k) =>
        k?["status"]?["conditions"] is JsonArray c && c.Any(x => x?["type"]?.GetValue<string>() == "Ready" && x["status"]?.GetValue<string>() == "True")
        && k["status"]?["observedGeneration"]?.GetValue<long>() == k["metadata"]?["generation"]?.GetValue<long>();
}
