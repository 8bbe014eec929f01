using System.Text.Json.Nodes;
using HomeOps.Core.Diagnostics;
using HomeOps.Operations.Bootstrap;

namespace HomeOps.Operations.Recovery.Backup;

/// <summary>
/// A Longhorn SystemBackup (longhorn.io/v1beta2): Longhorn's own resources plus a fresh backup of every volume
/// (volumeBackupPolicy "always"), uploaded to the backup target; a later SystemRestore recreates the volumes from
/// it. Waits for state "Ready"; "Error" stops with the Error condition's message. States are Longhorn 1.12's
/// (k8s/pkg/apis/longhorn/v1beta2/systembackup.go). A SystemBackup in Error is deleted and created again on a rerun.
/// </summary>
public sealed class VolumeBackupStep(BackupRun run, string longhornNamespace) : BootstrapStep
{
    public const string StepName = "volume-backup";

    public override string Name => StepName;

    public override string Description => "Longhorn SystemBackup (every volume backed up again) and wait until Ready";

    public override async Task<bool> IsDoneAsync(BootstrapContext context, CancellationToken cancellationToken) =>
        State(await context.Kube.GetAsync(RecoveryResources.SystemBackups, longhornNamespace, run.ObjectName, cancellationToken).ConfigureAwait(false)) == "Ready";

    public override async Task RunAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        var live = await context.Kube.GetAsync(RecoveryResources.SystemBackups, longhornNamespace, run.ObjectName, cancellationToken).ConfigureAwait(false);
        if (State(live) == "Error")
        {
            await context.Kube.DeleteAsync(RecoveryResources.SystemBackups, longhornNamespace, run.ObjectName, cancellationToken).ConfigureAwait(false);
            context.Detail($"deleted the failed SystemBackup {longhornNamespace}/{run.ObjectName}");
            live = null;
        }

        if (live is null)
        {
            await context.Kube.ApplyAsync(RecoveryResources.SystemBackups, Manifest(), BootstrapContext.FieldManager, cancellationToken).ConfigureAwait(false);
            context.Detail($"created SystemBackup {longhornNamespace}/{run.ObjectName}");
        }
    }

    public override Task WaitAsync(BootstrapContext context, CancellationToken cancellationToken) =>
        Waits.WatchAsync(context, $"SystemBackup {longhornNamespace}/{run.ObjectName} to be Ready", RecoveryResources.SystemBackups, longhornNamespace, objects =>
        {
            var backup = objects.FirstOrDefault(o => o["metadata"]?["name"]?.GetValue<string>() == run.ObjectName);
            var state = State(backup);
            if (state == "Error")
            {
                var message = (backup?["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>()
                    .FirstOrDefault(c => c["type"]?.GetValue<string>() == "Error")?["message"]?.GetValue<string>() ?? "no message";
                throw BootstrapContext.Fail(DiagnosticCatalog.RecoveryVolumeBackupFailed.At(context.Location, $"{longhornNamespace}/{run.ObjectName}", state, message));
            }

            return (state == "Ready", $"SystemBackup {run.ObjectName}: {(state is { Length: > 0 } ? state : "not picked up by longhorn-manager yet")}");
        }, cancellationToken);

    public JsonObject Manifest() => new()
    {
        ["apiVersion"] = RecoveryResources.SystemBackups.ApiVersion,
        ["kind"] = RecoveryResources.SystemBackups.Kind,
        ["metadata"] = new JsonObject
        {
            ["name"] = run.ObjectName,
            ["namespace"] = longhornNamespace,
            ["labels"] = new JsonObject { ["app.kubernetes.io/managed-by"] = "homeops", ["homeops.dev/backup"] = run.Id },
        },
        ["spec"] = new JsonObject { ["volumeBackupPolicy"] = "always" },
    };

    public static string? State(JsonObject? systemBackup) => systemBackup?["status"]?["state"]?.GetValue<string>();

    public override IEnumerable<string> Plan(BootstrapContext context) =>
    [
        $"apply SystemBackup {longhornNamespace}/{run.ObjectName}: {Manifest()["spec"]!.ToJsonString()}",
        $"watch systembackups.longhorn.io until {run.ObjectName} is Ready (up to {context.Options.WaitTimeout.TotalMinutes:0} min)",
    ];
}
