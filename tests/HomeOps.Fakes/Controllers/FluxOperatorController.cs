using System.Text.Json.Nodes;
using HomeOps.Fakes.Kubernetes;

namespace HomeOps.Fakes.Controllers;

/// <summary>
/// A stand-in for the Flux Operator: when a FluxInstance appears it installs the Flux CRDs (Kustomization,
/// GitRepository, HelmRepository, HelmRelease) and reports the instance Ready. Does not model: the controllers'
/// Deployments, distribution versions, components, sync settings, upgrades.
/// </summary>
public sealed class FluxOperatorController : IFakeController
{
    public void OnChanged(FakeKubeStore store, FakeWatchEvent change)
    {
        if (change.Type.Kind != "FluxInstance" || change.EventType == "DELETED")
        {
            return;
        }

        var crds = store.Type("apiextensions.k8s.io", "v1", "customresourcedefinitions")!;
        foreach (var crd in FluxCrds.All().Where(c => store.Get(crds, null, FakeKubeStore.NameOf(c)) is null))
        {
            store.Create(crds, null, crd);
        }

        var generation = change.Object["metadata"]?["generation"]?.GetValue<long>() ?? 1;
        store.Mutate(change.Type, FakeKubeStore.NamespaceOf(change.Object), FakeKubeStore.NameOf(change.Object), o =>
        {
            if (o["status"]?["observedGeneration"]?.GetValue<long>() != generation)
            {
                o["status"] = new JsonObject
                {
                    ["observedGeneration"] = generation,
                    ["conditions"] = new JsonArray(new JsonObject
                    {
                        ["type"] = "Ready",
                        ["status"] = "True",
                        ["reason"] = "ReconciliationSucceeded",
                        ["message"] = "Reconciliation finished",
                        ["observedGeneration"] = generation,
                        ["lastTransitionTime"] = "2026-01-01T00:00:00Z",
                    }),
                };
            }
        });
    }
}
