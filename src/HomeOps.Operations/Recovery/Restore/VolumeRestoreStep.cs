using System.Text.Json.Nodes;
using HomeOps.Core.Diagnostics;
using HomeOps.Operations.Bootstrap;
using HomeOps.Operations.Recovery.Backup;

namespace HomeOps.Operations.Recovery.Restore;

/// <summary>
/// A Longhorn SystemRestore of the backup's SystemBackup: longhorn-manager recreates Longhorn's resources and every
/// volume from its backup. Waits for state "Completed"; "Error" stops with the Error condition's message (states:
/// longhorn-manager v1.12.1 k8s/pkg/apis/longhorn/v1beta2/systemrestore.go). Runs before any Kustomization whose
/// workloads mount those volumes is resumed.
/// </summary>
public sealed class VolumeRestoreStep(BackupManifest manifest, BackupManifest.VolumeBackup volumes) : BootstrapStep
{
    public const string StepName = "restore-volumes";

    public override string Name => StepName;

    public override string Description => $"Longhorn SystemRestore of {volumes.SystemBackup} and wait until Completed";

    private string RestoreName => $"homeops-restore-{manifest.Id}";

    public override async Task<bool> IsDoneAsync(BootstrapContext context, CancellationToken cancellationToken) =>
        State(await context.Kube.GetAsync(RecoveryResources.SystemRestores, volumes.Namespace, RestoreName, cancellationToken).ConfigureAwait(false)) == "Completed";

    public override async Task RunAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        var live = await context.Kube.GetAsync(RecoveryResources.SystemRestores, volumes.Namespace, RestoreName, cancellationToken).ConfigureAwait(false);
        if (State(live) == "Error")
        {
            await context.Kube.DeleteAsync(RecoveryResources.SystemRestores, volumes.Namespace, RestoreName, cancellationToken).ConfigureAwait(false);
            live = null;
        }

        if (live is null)
        {
            await context.Kube.ApplyAsync(RecoveryResources.SystemRestores, Manifest(), BootstrapContext.FieldManager, cancellationToken).ConfigureAwait(false);
            context.Detail($"created SystemRestore {volumes.Namespace}/{RestoreName} of {volumes.SystemBackup}");
        }
    }

    public override Task WaitAsync(BootstrapContext context, CancellationToken cancellationToken) =>
        Waits.WatchAsync(context, $"SystemRestore {volumes.Namespace}/{RestoreName} to complete", RecoveryResources.SystemRestores, volumes.Namespace, objects =>
        {
            var restore = objects.FirstOrDefault(o => o["metadata"]?["name"]?.GetValue<string>() == RestoreName);
            var state = State(restore);
            if (state == "Error")
            {
                var message = (restore?["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>()
                    .FirstOrDefault(c => c["type"]?.GetValue<string>() == "Error")?["message"]?.GetValue<string>() ?? "no message";
                throw BootstrapContext.Fail(DiagnosticCatalog.RecoveryVolumeRestoreFailed.At(context.Location, $"{volumes.Namespace}/{RestoreName}", volumes.SystemBackup, message));
            }

            return (state == "Completed", $"SystemRestore {RestoreName}: {(state is { Length: > 0 } ? state : "not picked up by longhorn-manager yet")}");
        }, cancellationToken);

    public JsonObject Manifest() => new()
    {
        ["apiVersion"] = RecoveryResources.SystemRestores.ApiVersion,
        ["kind"] = RecoveryResources.SystemRestores.Kind,
        ["metadata"] = new JsonObject
        {
            ["name"] = RestoreName,
            ["namespace"] = volumes.Namespace,
            ["labels"] = new JsonObject { ["app.kubernetes.io/managed-by"] = "homeops", ["homeops.dev/backup"] = manifest.Id },
        },
        ["spec"] = new JsonObject { ["systemBackup"] = volumes.SystemBackup },
    };

    private static string? State(JsonObject? restore) => restore?["status"]?["state"]?.GetValue<string>();

    public override IEnumerable<string> Plan(BootstrapContext context) =>
    [
        $"apply SystemRestore {volumes.Namespace}/{RestoreName}: {Manifest()["spec"]!.ToJsonString()}",
        $"watch systemrestores.longhorn.io until {RestoreName} is Completed (up to {context.Options.WaitTimeout.TotalMinutes:0} min)",
    ];
}
