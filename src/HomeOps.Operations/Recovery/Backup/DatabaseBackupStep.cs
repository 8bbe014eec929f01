using System.Text.Json.Nodes;
using HomeOps.Core.Diagnostics;
using HomeOps.Operations.Bootstrap;

namespace HomeOps.Operations.Recovery.Backup;

/// <summary>
/// An on-demand base backup of one CloudNativePG cluster: a Backup object (postgresql.cnpg.io/v1) with the method
/// the cluster supports (the Barman Cloud plugin here), then a watch until CloudNativePG reports it "completed".
/// Phases are CloudNativePG 1.27's (api/v1/backup_types.go: pending, started, running, finalizing, completed,
/// failed, walArchivingFailing). A failed Backup is deleted and created again when the step runs again.
/// </summary>
public sealed class DatabaseBackupStep(BackupRun run, DatabaseCluster database) : BootstrapStep
{
    public static string StepName(DatabaseCluster database) => $"database-backup-{database.Name}";

    public override string Name => StepName(database);

    public override string Description => $"on-demand CloudNativePG backup of {database.Id} ({database.Method}) and wait until completed";

    private string BackupName => run.DatabaseBackupName(database);

    public override async Task<bool> IsDoneAsync(BootstrapContext context, CancellationToken cancellationToken) =>
        Phase(await context.Kube.GetAsync(RecoveryResources.DatabaseBackups, database.Namespace, BackupName, cancellationToken).ConfigureAwait(false)) == "completed";

    public override async Task RunAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        if (await context.Kube.GetAsync(RecoveryResources.DatabaseClusters, database.Namespace, database.Name, cancellationToken).ConfigureAwait(false) is null)
        {
            throw BootstrapContext.Fail(DiagnosticCatalog.RecoveryDatabaseClusterMissing.At(context.Location, database.Id));
        }

        var live = await context.Kube.GetAsync(RecoveryResources.DatabaseBackups, database.Namespace, BackupName, cancellationToken).ConfigureAwait(false);
        if (Phase(live) is "failed" or "walArchivingFailing")
        {
            // A Backup is never retried by CloudNativePG once failed: a fresh object is a fresh attempt.
            await context.Kube.DeleteAsync(RecoveryResources.DatabaseBackups, database.Namespace, BackupName, cancellationToken).ConfigureAwait(false);
            context.Detail($"deleted the failed Backup {database.Namespace}/{BackupName}");
            live = null;
        }

        if (live is null)
        {
            await context.Kube.ApplyAsync(RecoveryResources.DatabaseBackups, Manifest(), BootstrapContext.FieldManager, cancellationToken).ConfigureAwait(false);
            context.Detail($"created Backup {database.Namespace}/{BackupName}");
        }
    }

    public override Task WaitAsync(BootstrapContext context, CancellationToken cancellationToken) =>
        Waits.WatchAsync(context, $"Backup {database.Namespace}/{BackupName} to complete", RecoveryResources.DatabaseBackups, database.Namespace, objects =>
        {
            var backup = objects.FirstOrDefault(o => o["metadata"]?["name"]?.GetValue<string>() == BackupName);
            var phase = Phase(backup);
            if (phase is "failed" or "walArchivingFailing")
            {
                throw BootstrapContext.Fail(DiagnosticCatalog.RecoveryDatabaseBackupFailed.At(context.Location, $"{database.Namespace}/{BackupName}", phase,
                    backup?["status"]?["error"]?.GetValue<string>() ?? "no error message"));
            }

            return (phase == "completed", $"Backup {BackupName}: {(phase is { Length: > 0 } ? phase : "not started (CloudNativePG has not picked it up)")}");
        }, cancellationToken);

    /// <summary>The Backup as CloudNativePG's CRD defines it: cluster, method and (for the plugin) pluginConfiguration.</summary>
    public JsonObject Manifest()
    {
        var spec = new JsonObject { ["cluster"] = new JsonObject { ["name"] = database.Name }, ["method"] = database.Method };
        if (database.Method == "plugin")
        {
            spec["pluginConfiguration"] = new JsonObject { ["name"] = RecoveryResources.BarmanPlugin };
        }

        return new JsonObject
        {
            ["apiVersion"] = RecoveryResources.DatabaseBackups.ApiVersion,
            ["kind"] = RecoveryResources.DatabaseBackups.Kind,
            ["metadata"] = new JsonObject
            {
                ["name"] = BackupName,
                ["namespace"] = database.Namespace,
                ["labels"] = new JsonObject { ["app.kubernetes.io/managed-by"] = "homeops", ["homeops.dev/backup"] = run.Id },
            },
            ["spec"] = spec,
        };
    }

    public static string? Phase(JsonObject? backup) => backup?["status"]?["phase"]?.GetValue<string>();

    public override IEnumerable<string> Plan(BootstrapContext context) =>
    [
        $"apply Backup {database.Namespace}/{BackupName}: {Manifest()["spec"]!.ToJsonString()}",
        $"watch backups.postgresql.cnpg.io until {BackupName} is completed (up to {context.Options.WaitTimeout.TotalMinutes:0} min)",
    ];
}
