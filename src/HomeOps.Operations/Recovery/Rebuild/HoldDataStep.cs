using System.Text.Json.Nodes;
using HomeOps.Operations.Bootstrap;
using HomeOps.Operations.Recovery.Flux;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Operations.Recovery.Rebuild;

/// <summary>
/// Before Flux applies the tree, creates the Kustomizations that hold or use the backup's data as the tree defines
/// them, with spec.suspend: true (and, on the one that applies a CloudNativePG Cluster, the generated recovery patch).
/// kustomize-controller then adopts them when the root Kustomization applies the tree: its server-side apply sends
/// what git has, which has no spec.suspend and no spec.patches, so the fields this step set stay and the held
/// Kustomizations are never reconciled (no empty volume, no initdb) until the restore resumes them. Suspending after
/// Flux created them would race the controller; editing git would need a push.
/// </summary>
public sealed class HoldDataStep(IReadOnlyList<FluxRef> held, IReadOnlyDictionary<string, JsonObject> patches, IReadOnlyList<string> dependsOn) : BootstrapStep
{
    public const string StepName = "hold-data";

    public override string Name => StepName;

    public override string Description => $"create the {held.Count} Kustomization(s) that hold or use the backup's data suspended, before Flux applies the tree";

    public override IReadOnlyList<string> DependsOn => dependsOn;

    /// <summary>Done once every held Kustomization exists: an existing one is never suspended again (the restore may have resumed it).</summary>
    public override async Task<bool> IsDoneAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        foreach (var k in held)
        {
            if (await context.Kube.GetAsync(KubeResource.Kustomizations, k.Namespace, k.Name, cancellationToken).ConfigureAwait(false) is null)
            {
                return false;
            }
        }

        return true;
    }

    public override async Task RunAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        foreach (var k in held)
        {
            if (await context.Kube.GetAsync(KubeResource.Kustomizations, k.Namespace, k.Name, cancellationToken).ConfigureAwait(false) is not null)
            {
                context.Detail($"{k.Name}: exists, left as it is");
                continue;
            }

            await context.Kube.ApplyAsync(KubeResource.Kustomizations, Manifest(k), BootstrapContext.FieldManager, cancellationToken).ConfigureAwait(false);
            context.Detail($"created {k.Name} suspended{(patches.ContainsKey(k.Id) ? " with the recovery patch" : string.Empty)}");
        }
    }

    public JsonObject Manifest(FluxRef k)
    {
        var obj = k.ToJson();
        var spec = (JsonObject)obj["spec"]!;
        spec["suspend"] = true;
        if (patches.TryGetValue(k.Id, out var patch))
        {
            var list = spec["patches"] as JsonArray ?? [];
            list.Add(patch.DeepClone());
            spec["patches"] = list;
        }

        return obj;
    }

    public override IEnumerable<string> Plan(BootstrapContext context) => held.SelectMany(k => (IEnumerable<string>)
    [
        $"apply kustomization {k.Id} as the tree defines it, with spec.suspend: true (skipped when it exists)",
        .. patches.TryGetValue(k.Id, out var patch)
            ? new[] { $"  and spec.patches += {{target: {patch["target"]!.ToJsonString()}, patch: {patch["patch"]!.GetValue<string>()}}}" }
            : [],
    ]);
}
