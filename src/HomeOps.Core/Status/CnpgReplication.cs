using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using static HomeOps.Core.Status.ObjectFields;

namespace HomeOps.Core.Status;

/// <summary>One standby as the primary sees it in pg_stat_replication.</summary>
public sealed record StandbyReplication(string Name, string State, TimeSpan WriteLag, TimeSpan FlushLag, TimeSpan ReplayLag, string SyncState);

/// <summary>
/// What a CloudNativePG primary's instance manager reported about replication, or why it could not be read.
/// <see cref="Source"/> names where it was asked ("pod postgresql-system/postgresql-cluster-1:8000").
/// </summary>
public sealed record ReplicationReading(string Source, IReadOnlyList<StandbyReplication> Standbys, string? Error = null)
{
    public static ReplicationReading Failed(string source, string error) => new(source, [], error);
}

/// <summary>
/// Reads the answer of a CloudNativePG instance manager's GET /pg/status (status port 8000; cloudnative-pg v1.27.1
/// pkg/management/url/url.go:53 and :77). On the primary, replicationInfo holds pg_stat_replication's rows for the
/// cluster's standbys with write/flush/replay lag as PostgreSQL prints an interval (pkg/management/postgres/probes.go:460-476,
/// coalesce(replay_lag, '0'::interval) scanned into a string; JSON names in pkg/postgres/status.go:104-116).
/// </summary>
public static class CnpgReplication
{
    public static ReplicationReading Parse(string source, string body)
    {
        JsonObject? status;
        try
        {
            status = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException e)
        {
            return ReplicationReading.Failed(source, $"the answer is not the instance manager's status JSON ({e.Message})");
        }

        if (status is null || status["isPrimary"] is null)
        {
            return ReplicationReading.Failed(source, "the answer is not the instance manager's status JSON (no isPrimary)");
        }

        if (Bool(status, "isPrimary") != true)
        {
            return ReplicationReading.Failed(source, "the instance answered as a standby (a switchover in progress?)");
        }

        var standbys = new List<StandbyReplication>();
        foreach (var row in Objects(status, "replicationInfo"))
        {
            standbys.Add(new StandbyReplication(
                Str(row, "applicationName") ?? "?",
                Str(row, "state") ?? string.Empty,
                ParseInterval(Str(row, "writeLag")) ?? TimeSpan.Zero,
                ParseInterval(Str(row, "flushLag")) ?? TimeSpan.Zero,
                ParseInterval(Str(row, "replayLag")) ?? TimeSpan.Zero,
                Str(row, "syncState") ?? string.Empty));
        }

        return new ReplicationReading(source, standbys);
    }

    /// <summary>
    /// A PostgreSQL interval in the default output style ("postgres"): "00:00:00.001234", "-00:00:01",
    /// "1 day 02:03:04.5", "3 days", "1 mon 2 days 00:00:01". Months count 30 days and years 12 months (as PostgreSQL justifies them).
    /// Null when the text is not an interval.
    /// </summary>
    public static TimeSpan? ParseInterval(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var tokens = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var total = TimeSpan.Zero;
        var i = 0;
        while (i + 1 < tokens.Length && int.TryParse(tokens[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count))
        {
            var days = tokens[i + 1] switch
            {
                "day" or "days" => 1d,
                "mon" or "mons" => 30d,
                "year" or "years" => 360d,
                _ => double.NaN,
            };
            if (double.IsNaN(days))
            {
                return null;
            }

            total += TimeSpan.FromDays(count * days);
            i += 2;
        }

        if (i == tokens.Length)
        {
            return i == 0 ? null : total;
        }

        if (i != tokens.Length - 1 || Clock(tokens[i]) is not { } clock)
        {
            return null;
        }

        return total + clock;
    }

    private static TimeSpan? Clock(string text)
    {
        var negative = text.StartsWith('-');
        var parts = text.TrimStart('-', '+').Split(':');
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || !double.TryParse(parts[2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            return null;
        }

        var span = TimeSpan.FromHours(hours) + TimeSpan.FromMinutes(minutes) + TimeSpan.FromSeconds(seconds);
        return negative ? -span : span;
    }
}
