using System.Text.Json.Nodes;
using HomeOps.Operations.Bootstrap;
using HomeOps.Operations.Recovery.Backup;
using HomeOps.Operations.Recovery.Flux;
using HomeOps.Operations.Recovery.Restore;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Operations.Recovery.Rebuild;

/// <summary>
/// Before Flux applies the tree, creates the Kustomizations that hold or use the backup's data as the tree defines
/// them, with spec.suspend: true (and, on the one that applies a CloudNativePG Cluster, the generated recovery patch).
/// kustomize-controller then adopts them when the root Kustomization applies the tree: its server-side apply sends
/// what git has, which has no spec.suspend and no spec.patches, so the fields this step set stay and the held
/// Kustomizations are never reconciled (no empty volume, no initdb) until the restore resumes them. Suspending after
/// Flux created them would race the controller; editing git would need a push.
/// After an etcd restore (<paramref name="restoredClusters"/> not empty) the held Kustomizations exist already, as the
/// snapshot had them: they are suspended and given the patch instead, and each backed-up Cluster the snapshot brought
/// back (with its initdb and old serverName, its volumes wiped with EPHEMERAL) is deleted, so Flux creates it
/// recovering when its Kustomization resumes. Runs once per rebuild (a state-file fact): a rerun never suspends again
/// what the restore resumed.
/// </summary>
public sealed class HoldDataStep(string backupId, IReadOnlyList<FluxRef> held, IReadOnlyDictionary<string, JsonObject> patches,
    IReadOnlyList<BackupManifest.DatabaseBackup> restoredClusters, IReadOnlyList<string> dependsOn) : BootstrapStep
{
    public const string StepName = "hold-data";

    /// <summary>The state-file fact naming the backup the data was held for.</summary>
    public const string HeldFact = "rebuildHeldFor";

    /// <summary>The field manager of the recovery patch on an existing Kustomization (its other fields stay kustomize-controller's).</summary>
    public const string PatchFieldManager = "homeops-rebuild";

    public override string Name => StepName;

    public override string Description => restoredClusters.Count == 0
        ? $"create the {held.Count} Kustomization(s) that hold or use the backup's data suspended, before Flux applies the tree"
        : $"suspend the {held.Count} Kustomization(s) that hold or use the backup's data as soon as the restored API answers";

    public override IReadOnlyList<string> DependsOn => dependsOn;

    public override Task<bool> IsDoneAsync(BootstrapContext context, CancellationToken cancellationToken) =>
        Task.FromResult(context.State.Facts.GetValueOrDefault(HeldFact) == backupId);

    public override async Task RunAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        foreach (var k in held)
        {
            if (await context.Kube.GetAsync(KubeResource.Kustomizations, k.Namespace, k.Name, cancellationToken).ConfigureAwait(false) is null)
            {
                await context.Kube.ApplyAsync(KubeResource.Kustomizations, Manifest(k), BootstrapContext.FieldManager, cancellationToken).ConfigureAwait(false);
                context.Detail($"created {k.Name} suspended{(patches.ContainsKey(k.Id) ? " with the recovery patch" : string.Empty)}");
                continue;
            }

            await FluxObjects.SetSuspendAsync(context, KubeResource.Kustomizations, k.Namespace, k.Name, true, cancellationToken).ConfigureAwait(false);
            if (patches.TryGetValue(k.Id, out var patch))
            {
                await context.Kube.ApplyAsync(KubeResource.Kustomizations, PatchOnly(k, patch), PatchFieldManager, cancellationToken).ConfigureAwait(false);
            }

            context.Detail($"suspended {k.Name}{(patches.ContainsKey(k.Id) ? " and added the recovery patch" : string.Empty)}");
        }

        foreach (var database in restoredClusters)
        {
            var live = await context.Kube.GetAsync(RecoveryResources.DatabaseClusters, database.Namespace, database.Cluster, cancellationToken).ConfigureAwait(false);
            if (live is not null && new DatabaseRestoreStep(database, []).Check(live) is not null)
            {
                await context.Kube.DeleteAsync(RecoveryResources.DatabaseClusters, database.Namespace, database.Cluster, cancellationToken).ConfigureAwait(false);
                context.Detail($"deleted Cluster {database.Namespace}/{database.Cluster} as the snapshot had it (not recovering); Flux creates it recovering on resume");
            }
        }

        context.State.Facts[HeldFact] = backupId;
        context.SaveState();
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

    private static JsonObject PatchOnly(FluxRef k, JsonObject patch)
    {
        var obj = k.ToJson();
        var list = obj["spec"]?["patches"] is JsonArray own ? (JsonArray)own.DeepClone() : [];
        list.Add(patch.DeepClone());
        return new JsonObject
        {
            ["apiVersion"] = obj["apiVersion"]!.DeepClone(),
            ["kind"] = obj["kind"]!.DeepClone(),
            ["metadata"] = new JsonObject { ["name"] = k.Name, ["namespace"] = k.Namespace },
            ["spec"] = new JsonObject { ["patches"] = list },
        };
    }

    public override IEnumerable<string> Plan(BootstrapContext context) =>
    [
        .. held.SelectMany(k => (IEnumerable<string>)
        [
            restoredClusters.Count == 0
                ? $"apply kustomization {k.Id} as the tree defines it, with spec.suspend: true (skipped when it exists)"
                : $"suspend kustomization {k.Id} (spec.suspend: true; created as the tree defines it when the snapshot lacks it)",
            .. patches.TryGetValue(k.Id, out var patch)
                ? new[] { $"  and spec.patches += {{target: {patch["target"]!.ToJsonString()}, patch: {patch["patch"]!.GetValue<string>()}}}" }
                : [],
        ]),
        .. restoredClusters.Select(d => $"delete Cluster {d.Namespace}/{d.Cluster} when the snapshot brought it back not recovering (Flux creates it again from the patched Kustomization)"),
    ];
}
