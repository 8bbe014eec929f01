using System.Text.Json.Nodes;
using HomeOps.Fakes.Kubernetes;

namespace HomeOps.Fakes.Controllers;

/// <summary>
/// A stand-in for the Flux Operator: when a FluxInstance appears it installs the Flux CRDs (Kustomization,
/// GitRepository, HelmRepository, HelmRelease) and reports the instance Ready once those CRDs are Established (the
/// real operator reports Ready when the Flux controllers it deployed are healthy, which needs their CRDs served).
/// Does not model: the controllers' Deployments, distribution versions, components, sync settings, upgrades.
/// </summary>
public sealed class FluxOperatorController : IFakeController
{
    public void OnChanged(FakeKubeStore store, FakeWatchEvent change)
    {
        if (change.Type.Kind == "CustomResourceDefinition" && store.TypeOf("fluxcd.controlplane.io/v1", "FluxInstance") is { } instances)
        {
            foreach (var instance in store.List(instances, null).Items)
            {
                Reconcile(store, instances, instance);
            }

            return;
        }

        if (change.Type.Kind != "FluxInstance" || change.EventType == "DELETED")
        {
            return;
        }

        foreach (var crd in FluxCrds.All().Where(c => store.Get(FakeResourceType.Crd, null, FakeKubeStore.NameOf(c)) is null))
        {
            store.Create(FakeResourceType.Crd, null, crd);
        }

        Reconcile(store, change.Type, change.Object);
    }

    private static void Reconcile(FakeKubeStore store, FakeResourceType type, JsonObject instance)
    {
        if (!store.AreEstablished(FluxCrds.All().Select(FakeKubeStore.NameOf)))
        {
            return;
        }

        var generation = instance["metadata"]?["generation"]?.GetValue<long>() ?? 1;
        store.Mutate(type, FakeKubeStore.NamespaceOf(instance), FakeKubeStore.NameOf(instance), o =>
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
