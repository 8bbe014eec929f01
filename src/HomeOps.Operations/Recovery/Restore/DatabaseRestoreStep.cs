using System.Text.Json.Nodes;
using HomeOps.Core.Diagnostics;
using HomeOps.Operations.Bootstrap;
using HomeOps.Operations.Recovery.Backup;

namespace HomeOps.Operations.Recovery.Restore;

/// <summary>
/// Checks the CloudNativePG Cluster that Flux applied recovers from the backup (bootstrap.recovery from an external
/// cluster whose Barman Cloud plugin reads the backup's serverName) into a new serverName, then waits until it is
/// Ready. The same serverName for both is refused before anything waits: the plugin would find the old archive where
/// it must write and stop with "Expected empty archive". The recovery serverName defaults to the new Cluster's name,
/// the archive serverName too (plugin-barman-cloud v0.5.0 internal/cnpgi/operator/config/config.go).
/// </summary>
public sealed class DatabaseRestoreStep(BackupManifest.DatabaseBackup database, IReadOnlyList<string> dependsOn) : BootstrapStep
{
    public static string StepName(BackupManifest.DatabaseBackup database) => $"restore-database-{database.Cluster}";

    public override string Name => StepName(database);

    public override string Description => $"check {database.Namespace}/{database.Cluster} recovers from serverName {database.ServerName} into a new one, and wait until Ready";

    public override IReadOnlyList<string> DependsOn => dependsOn;

    public override async Task<bool> IsDoneAsync(BootstrapContext context, CancellationToken cancellationToken) =>
        await context.Kube.GetAsync(RecoveryResources.DatabaseClusters, database.Namespace, database.Cluster, cancellationToken).ConfigureAwait(false) is { } live
        && Check(live) is null && IsReady(live);

    public override async Task RunAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        var id = $"{database.Namespace}/{database.Cluster}";
        var live = await context.Kube.GetAsync(RecoveryResources.DatabaseClusters, database.Namespace, database.Cluster, cancellationToken).ConfigureAwait(false)
            ?? throw BootstrapContext.Fail(DiagnosticCatalog.RecoveryDatabaseNotRecovering.At(context.Location, id, database.ServerName, "the cluster has no such Cluster"));
        if (Check(live) is { } problem)
        {
            throw BootstrapContext.Fail(problem.Reused
                ? DiagnosticCatalog.RecoveryServerNameReused.At(context.Location, id, database.ServerName)
                : DiagnosticCatalog.RecoveryDatabaseNotRecovering.At(context.Location, id, database.ServerName, problem.Why));
        }

        context.Detail($"recovers from serverName {database.ServerName}, archives to {ArchiveServerName(live)}");
    }

    public override Task WaitAsync(BootstrapContext context, CancellationToken cancellationToken) =>
        Waits.WatchAsync(context, $"Cluster {database.Namespace}/{database.Cluster} to be Ready", RecoveryResources.DatabaseClusters, database.Namespace, objects =>
        {
            var live = objects.FirstOrDefault(o => o["metadata"]?["name"]?.GetValue<string>() == database.Cluster);
            return (live is not null && IsReady(live), $"{database.Cluster}: {live?["status"]?["phase"]?.GetValue<string>() ?? "no status yet"}");
        }, cancellationToken);

    /// <summary>Null when the Cluster recovers from the backup into a new serverName; otherwise why not.</summary>
    public (bool Reused, string Why)? Check(JsonObject cluster)
    {
        var name = cluster["metadata"]!["name"]!.GetValue<string>();
        var source = cluster["spec"]?["bootstrap"]?["recovery"]?["source"]?.GetValue<string>();
        if (source is null)
        {
            return (false, "it has no spec.bootstrap.recovery (it would start empty)");
        }

        var external = (cluster["spec"]?["externalClusters"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(e => e["name"]?.GetValue<string>() == source);
        var plugin = external?["plugin"];
        if (plugin?["name"]?.GetValue<string>() != RecoveryResources.BarmanPlugin)
        {
            return (false, $"its recovery source '{source}' is not an externalClusters entry using the {RecoveryResources.BarmanPlugin} plugin");
        }

        var readsFrom = plugin["parameters"]?["serverName"]?.GetValue<string>() ?? name;
        if (readsFrom != database.ServerName || plugin["parameters"]?["barmanObjectName"]?.GetValue<string>() != database.ObjectStore)
        {
            return (false, $"its recovery source reads serverName '{readsFrom}' from ObjectStore '{plugin["parameters"]?["barmanObjectName"]}', not '{database.ServerName}' from '{database.ObjectStore}'");
        }

        return ArchiveServerName(cluster) == database.ServerName ? (true, "same serverName") : null;
    }

    private static string ArchiveServerName(JsonObject cluster) =>
        (cluster["spec"]?["plugins"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(p => p["name"]?.GetValue<string>() == RecoveryResources.BarmanPlugin)?["parameters"]?["serverName"]?.GetValue<string>()
        ?? cluster["metadata"]!["name"]!.GetValue<string>();

    /// <summary>CloudNativePG's Ready condition (status.conditions type Ready) is True.</summary>
    public static bool IsReady(JsonObject cluster) =>
        (cluster["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>().Any(c => c["type"]?.GetValue<string>() == "Ready" && c["status"]?.GetValue<string>() == "True") == true;

    public override IEnumerable<string> Plan(BootstrapContext context) =>
    [
        $"get Cluster {database.Namespace}/{database.Cluster}: bootstrap.recovery must read serverName {database.ServerName} from ObjectStore {database.ObjectStore}, and archive to another serverName",
        $"watch clusters.postgresql.cnpg.io until {database.Cluster} is Ready (up to {context.Options.WaitTimeout.TotalMinutes:0} min)",
    ];
}
