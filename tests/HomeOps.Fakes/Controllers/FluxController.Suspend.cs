using System.Text.Json.Nodes;
using HomeOps.Fakes.Kubernetes;

namespace HomeOps.Fakes.Controllers;

/// <summary>
/// Suspend as kustomize-controller v1.4.0 handles it (internal/controller/kustomization_controller.go): a suspended
/// Kustomization is not reconciled (:219-223), but the deferred finalizeStatus still runs, and when Ready is True it
/// records the current generation as observed (:1055-1060). So a Kustomization suspended while Ready stays Ready for
/// its dependents, and one suspended before it ever reconciled has no conditions and blocks them
/// (checkDependencies, :497-503). Resuming changes spec, so the generation moves and it reconciles again.
/// </summary>
public sealed partial class FluxController
{
    /// <summary>Names resumed (suspend true → false), in order: drills check nothing came back before its data.</summary>
    public List<string> Resumed { get; } = [];

    private readonly HashSet<string> _suspended = new(StringComparer.Ordinal);

    /// <summary>True when <paramref name="k"/> is suspended and must not be reconciled; records suspend transitions.</summary>
    private bool SkipSuspended(FakeKubeStore store, FakeResourceType type, JsonObject k)
    {
        var name = FakeKubeStore.NameOf(k);
        var ns = FakeKubeStore.NamespaceOf(k);
        var suspended = k["spec"]?["suspend"]?.GetValue<bool>() == true;
        lock (_suspended)
        {
            if (!suspended)
            {
                if (_suspended.Remove($"{ns}/{name}"))
                {
                    Resumed.Add(name);
                }

                return false;
            }

            _suspended.Add($"{ns}/{name}");
        }

        var generation = k["metadata"]?["generation"]?.GetValue<long>() ?? 1;
        var ready = k["status"]?["conditions"] is JsonArray c && c.Any(x => x?["type"]?.GetValue<string>() == "Ready" && x["status"]?.GetValue<string>() == "True");
        if (ready && k["status"]?["observedGeneration"]?.GetValue<long>() != generation)
        {
            store.Mutate(type, ns, name, o => o["status"]!["observedGeneration"] = generation);
        }

        return true;
    }
}
