using System.Globalization;
using System.Text.Json.Nodes;
using HomeOps.Core.Diagnostics;
using static HomeOps.Core.Status.ObjectFields;

namespace HomeOps.Core.Status;

/// <summary>
/// The CloudNativePG section: per Cluster its phase, primary, instances ready, WAL archiving (the ContinuousArchiving
/// condition) and, with the Barman Cloud plugin, the last backup and the recovery window from the ObjectStore the
/// plugin names (status.serverRecoveryWindow[serverName]; serverName defaults to the Cluster's name): with the
/// plugin, the Cluster's own backup fields stay empty. With several instances, replication as the primary reports it
/// (<see cref="CnpgReplication"/>): standbys not streaming and replay lag, judged by the thresholds of the tree's
/// CNPGReplicationLag and CNPGReplicationLagCritical alerts (infrastructure/cnpg-monitoring/cnpg-alerts.yaml).
/// </summary>
public static class CnpgStatus
{
    public const string Id = "cnpg";
    public const string Title = "CloudNativePG";
    public const string HealthyPhase = "Cluster in healthy state";
    public const string BarmanPlugin = "barman-cloud.cloudnative-pg.io";

    /// <summary>A last backup older than this is a warning (the tree schedules one a day).</summary>
    public static readonly TimeSpan BackupMaxAge = TimeSpan.FromHours(48);

    /// <summary>Replay lag above this is a warning (the tree's CNPGReplicationLag: cnpg_pg_replication_lag &gt; 30).</summary>
    public static readonly TimeSpan LagWarning = TimeSpan.FromSeconds(30);

    /// <summary>Replay lag above this is unhealthy (the tree's CNPGReplicationLagCritical: &gt; 300).</summary>
    public static readonly TimeSpan LagCritical = TimeSpan.FromMinutes(5);

    /// <summary>"namespace/name" of a Cluster, the key of its replication reading.</summary>
    public static string Key(JsonObject cluster) => KeyOf(cluster);

    /// <param name="replication">Each multi-instance Cluster's reading, by <see cref="Key"/>; a Cluster without one gets no replication line.</param>
    public static StatusSection Evaluate(IReadOnlyList<JsonObject> clusters, IReadOnlyList<JsonObject> objectStores, DateTimeOffset now, IReadOnlyDictionary<string, ReplicationReading>? replication = null)
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
            if (replication?.GetValueOrDefault(KeyOf(cluster)) is { } reading)
            {
                items.Add(Replication(cluster, primary, reading, findings));
            }

            items.Add(Backup(cluster, objectStores, now, findings));
        }

        var summary = string.Create(CultureInfo.InvariantCulture, $"{clusters.Count(c => Str(c, "status", "phase") == HealthyPhase)}/{clusters.Count} cluster(s) healthy");
        return StatusSection.Of(Id, Title, summary, findings, items);
    }

    private static StatusItem Replication(JsonObject cluster, string primary, ReplicationReading reading, List<StatusFinding> findings)
    {
        var key = KeyOf(cluster);
        var ns = NamespaceOf(cluster) ?? "default";
        if (reading.Error is { } error)
        {
            findings.Add(StatusFindings.From(DiagnosticCatalog.CnpgReplicationNotRead, Health.Unknown, key, reading.Source, error));
            return Lag(key, Health.Unknown, $"replication not read: {error}", null);
        }

        var streaming = reading.Standbys.Where(s => s.State == "streaming").ToDictionary(s => s.Name, StringComparer.Ordinal);
        // status.instanceNames lists every instance the operator created; without it only what streams is known.
        var names = Strings(cluster, "status", "instanceNames");
        var expected = (names.Count > 0 ? names : (IEnumerable<string>)streaming.Keys).Where(n => n != primary).Order(StringComparer.Ordinal).ToList();
        var missing = expected.Where(n => !streaming.ContainsKey(n)).ToList();
        var health = missing.Count > 0 ? Health.Warning : Health.Ok;
        // An instance the operator itself reports as not healthy is the cluster line's root cause (HO6130): one line.
        var unhealthy = Strings(cluster, "status", "instancesStatus", "failed").ToHashSet(StringComparer.Ordinal);
        var unexplained = missing.Where(m => !unhealthy.Contains(m)).ToList();
        if (unexplained.Count > 0)
        {
            findings.Add(StatusFindings.From(DiagnosticCatalog.CnpgStandbyNotStreaming, Health.Warning, key, expected.Count - missing.Count, expected.Count, string.Join(", ", unexplained.Select(m => Describe(m, reading))), NameOf(cluster), ns));
        }

        foreach (var standby in streaming.Values.Where(s => s.ReplayLag > LagWarning).OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var level = standby.ReplayLag > LagCritical ? Health.Unhealthy : Health.Warning;
            findings.Add(StatusFindings.From(DiagnosticCatalog.CnpgReplicationLag, level, key, standby.Name, FormatLag(standby.ReplayLag), FormatLag(LagWarning), FormatLag(LagCritical), NameOf(cluster), ns));
            health = health.Worst(level);
        }

        var worst = streaming.Values.Select(s => s.ReplayLag).DefaultIfEmpty(TimeSpan.Zero).Max();
        var each = string.Join(", ", streaming.Values.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => $"{s.Name} {FormatLag(s.ReplayLag)}"));
        var failed = missing.Where(unhealthy.Contains).ToList();
        var detail = string.Create(CultureInfo.InvariantCulture, $"replication: {streaming.Count}/{expected.Count} standby(s) streaming")
            + (each.Length > 0 ? $"; replay lag {each}" : string.Empty)
            + (failed.Count > 0 ? $"; {string.Join(", ", failed)} not running" : string.Empty);
        return Lag(key, health, detail, streaming.Count > 0 ? worst : null);
    }

    private static string Describe(string standby, ReplicationReading reading) =>
        reading.Standbys.FirstOrDefault(s => s.Name == standby) is { } row ? $"{standby} ({row.State})" : $"{standby} (not connected)";

    private static StatusItem Lag(string key, Health health, string detail, TimeSpan? worst) =>
        new($"replication/{key}", health, detail)
        {
            Fields = [new("kind", "Replication"), new("maxReplayLagSeconds", worst is { } w ? w.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) : string.Empty)],
        };

    /// <summary>Lag as people read it: "0.25s" below ten seconds, else as other durations ("45s", "12m").</summary>
    public static string FormatLag(TimeSpan lag) =>
        lag < TimeSpan.FromSeconds(10) ? lag.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture) + "s" : Durations.Format(lag);

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
