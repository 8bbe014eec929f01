using System.Globalization;
using System.Text.Json.Nodes;
using HomeOps.Core.Diagnostics;
using static HomeOps.Core.Status.ObjectFields;

namespace HomeOps.Core.Status;

/// <summary>
/// The CloudNativePG section: per Cluster its phase, primary, instances ready, WAL archiving (the ContinuousArchiving
/// condition) and, with the Barman Cloud plugin, the last backup and the recovery window from the ObjectStore the
/// plugin names (status.serverRecoveryWindow[serverName]; serverName defaults to the Cluster's name): with the
/// plugin, the Cluster's own backup fields stay empty.
/// </summary>
public static class CnpgStatus
{
    public const string Id = "cnpg";
    public const string Title = "CloudNativePG";
    public const string HealthyPhase = "Cluster in healthy state";
    public const string BarmanPlugin = "barman-cloud.cloudnative-pg.io";

    /// <summary>A last backup older than this is a warning (the tree schedules one a day).</summary>
    public static readonly TimeSpan BackupMaxAge = TimeSpan.FromHours(48);

    public static StatusSection Evaluate(IReadOnlyList<JsonObject> clusters, IReadOnlyList<JsonObject> objectStores, DateTimeOffset now)
    {
        var findings = new List<StatusFinding>();
        var items = new List<StatusItem>();
        foreach (var cluster in clusters.OrderBy(KeyOf, StringComparer.Ordinal))
        {
            var phase = Str(cluster, "status", "phase") ?? "no phase reported";
            var ready = Number(cluster, "status", "readyInstances") ?? 0;
            var instances = Number(cluster, "spec", "instances") ?? Number(cluster, "status", "instances") ?? 0;
            var primary = Str(cluster, "status", "currentPrimary") ?? "none";
            var target = Str(cluster, "status", "targetPrimary");
            var switching = target is { Length: > 0 } && target != primary ? $", switching to {target}" : string.Empty;
            var healthy = phase == HealthyPhase;
            if (!healthy)
            {
                var reason = Str(cluster, "status", "phaseReason") is { Length: > 0 } r ? $" ({r})" : string.Empty;
                findings.Add(StatusFindings.From(DiagnosticCatalog.CnpgClusterNotHealthy, Health.Unhealthy, NamespaceOf(cluster) ?? "default", NameOf(cluster), $"{phase}{reason}", ready, instances));
            }

            items.Add(new StatusItem($"cluster/{KeyOf(cluster)}", healthy ? Health.Ok : Health.Unhealthy,
                string.Create(CultureInfo.InvariantCulture, $"{phase}; primary {primary}{switching}; {ready}/{instances} instance(s) ready"))
            {
                Fields = [new("kind", "Cluster"), new("phase", phase), new("primary", primary), new("readyInstances", ready.ToString(CultureInfo.InvariantCulture)), new("instances", instances.ToString(CultureInfo.InvariantCulture))],
            });
            items.Add(Backup(cluster, objectStores, now, findings));
        }

        var summary = string.Create(CultureInfo.InvariantCulture, $"{clusters.Count(c => Str(c, "status", "phase") == HealthyPhase)}/{clusters.Count} cluster(s) healthy");
        return StatusSection.Of(Id, Title, summary, findings, items);
    }

    private static StatusItem Backup(JsonObject cluster, IReadOnlyList<JsonObject> objectStores, DateTimeOffset now, List<StatusFinding> findings)
    {
        var key = KeyOf(cluster);
        var archiving = ConditionOf(cluster, "ContinuousArchiving");
        if (archiving is { IsTrue: false })
        {
            findings.Add(StatusFindings.From(DiagnosticCatalog.CnpgArchivingFailing, Health.Unhealthy, key, archiving.Message.Length > 0 ? archiving.Message : archiving.Reason));
        }

        var plugin = Objects(cluster, "spec", "plugins").FirstOrDefault(p => Str(p, "name") == BarmanPlugin && Bool(p, "enabled") != false);
        var wal = archiving is null ? "WAL archiving not reported" : archiving.IsTrue ? "WAL archiving ok" : "WAL archiving failing";
        if (plugin is null)
        {
            return Item(key, Health.Warning, $"no Barman Cloud plugin: backups not read; {wal}", string.Empty, string.Empty);
        }

        var storeName = Str(plugin, "parameters", "barmanObjectName") ?? string.Empty;
        var server = Str(plugin, "parameters", "serverName") is { Length: > 0 } s ? s : NameOf(cluster);
        var store = objectStores.FirstOrDefault(o => NameOf(o) == storeName && NamespaceOf(o) == NamespaceOf(cluster));
        if (store is null)
        {
            findings.Add(StatusFindings.From(DiagnosticCatalog.CnpgBackupStale, Health.Warning, key, $"its ObjectStore {NamespaceOf(cluster)}/{storeName} does not exist"));
            return Item(key, Health.Warning, $"ObjectStore {storeName} not found; {wal}", string.Empty, string.Empty);
        }

        var window = At(store, "status", "serverRecoveryWindow", server) as JsonObject;
        // Plugin v0.5.0's CRD spells the field lastSuccussfulBackupTime; later releases lastSuccessfulBackupTime.
        var last = Time(window, "lastSuccessfulBackupTime") ?? Time(window, "lastSuccussfulBackupTime");
        var first = Time(window, "firstRecoverabilityPoint");
        var recovery = first is { } f ? $"recovery window from {Stamp(f)}" : "no recovery window reported";
        if (last is not { } l)
        {
            findings.Add(StatusFindings.From(DiagnosticCatalog.CnpgBackupStale, Health.Warning, key, $"{storeName} reports no successful backup for server {server}"));
            return Item(key, archiving is { IsTrue: false } ? Health.Unhealthy : Health.Warning, $"no backup yet (ObjectStore {storeName}, server {server}); {recovery}; {wal}", string.Empty, first is { } f0 ? Stamp(f0) : string.Empty);
        }

        var age = now - l;
        if (age > BackupMaxAge)
        {
            findings.Add(StatusFindings.From(DiagnosticCatalog.CnpgBackupStale, Health.Warning, key, $"the last successful backup is {Durations.Format(age)} old ({Stamp(l)})"));
        }

        var health = archiving is { IsTrue: false } ? Health.Unhealthy : age > BackupMaxAge ? Health.Warning : Health.Ok;
        return Item(key, health, $"last backup {Durations.Format(age)} ago; {recovery}; {wal}", Stamp(l), first is { } f1 ? Stamp(f1) : string.Empty);
    }

    private static StatusItem Item(string key, Health health, string detail, string lastBackup, string firstRecoverabilityPoint) =>
        new($"backup/{key}", health, detail)
        {
            Fields = [new("kind", "ObjectStore"), new("lastSuccessfulBackup", lastBackup), new("firstRecoverabilityPoint", firstRecoverabilityPoint)],
        };

    private static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
