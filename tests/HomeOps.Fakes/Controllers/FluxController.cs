using System.Text.Json.Nodes;
using HomeOps.Fakes.Kubernetes;

namespace HomeOps.Fakes.Controllers;

/// <summary>
/// A stand-in for kustomize-controller. A Kustomization whose GitRepository <see cref="Source"/> serves is built from
/// that repository's folder (FluxController.Source.cs): the Flux Kustomizations its path holds are created once it is
/// Ready. Otherwise, when the root Kustomization flux-system appears, it creates the fixed <see cref="Tree"/>. Each Kustomization turns Ready once
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

        if (FakeKubeStore.NameOf(change.Object) == "flux-system" && change.EventType == "ADDED" && change.Type.Kind == "Kustomization" && !ReadsSource(store, change.Object))
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
        var (built, artifactFailure) = blocking == default && ReadsSource(store, k) ? Artifact(store, k) : (null, null);
        var ready = blocking == default && artifactFailure is null && !Stuck.Contains(name);
        var reason = ready ? "ReconciliationSucceeded" : blocking != default ? "DependencyNotReady" : artifactFailure is not null ? "ArtifactFailed" : "ProgressingWithRetry";
        var revision = SourceRevision(store, k);
        var message = ready ? $"Applied revision: {revision}"
            : blocking != default ? $"dependency '{blocking.Ns}/{blocking.Name}' is not ready" : artifactFailure ?? "health check failed";
        if (ready && built is not null)
        {
            ApplyKustomizations(store, type, k, built);
        }

        var generation = k["metadata"]?["generation"]?.GetValue<long>() ?? 1;
        var current = k["status"]?["conditions"]?[0];
        var applied = ready ? revision : k["status"]?["lastAppliedRevision"]?.GetValue<string>();
        if (current?["reason"]?.GetValue<string>() == reason && current?["message"]?.GetValue<string>() == message && k["status"]?["observedGeneration"]?.GetValue<long>() == generation
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
