namespace HomeOps.Core.Monitoring;

/// <summary>
/// The metrics CloudNativePG 1.27 exports from every instance (port 9187): its collector (cnpg_collector_*) and its
/// default monitoring queries (ConfigMap cnpg-default-monitoring, cnpg_&lt;query&gt;_&lt;column&gt;), read from
/// pkg/management/postgres/webserver/metricserver and config/manager/default-monitoring.yaml at v1.27.4 and the
/// cloudnative-pg chart 0.26.1. The Barman Cloud plugin v0.5.0 exports none; v0.6.0 adds
/// barman_cloud_cloudnative_pg_io_* (needs CloudNativePG 1.27), so add those when the tree moves to it.
/// An alert on a name missing here fires never (or forever), as the reference repository's did.
/// </summary>
public static class CnpgMetrics
{
    /// <summary>Prefixes of names that belong to CloudNativePG or its backup plugin.</summary>
    public static readonly IReadOnlyList<string> Prefixes = ["cnpg_", "barman_cloud_"];

    private static readonly string[] s_collector =
    [
        "up", "collections_total", "collection_errors_total", "last_collection_error", "collection_duration_seconds",
        "manual_switchover_required", "sync_replicas", "replica_mode", "fencing_on", "nodes_used", "pg_wal_archive_status",
        "pg_wal", "postgres_version", "first_recoverability_point", "last_available_backup_timestamp",
        "last_failed_backup_timestamp", "wal_records", "wal_fpi", "wal_bytes", "wal_buffers_full", "wal_write", "wal_sync",
        "wal_write_time", "wal_sync_time",
    ];

    /// <summary>Default query → its metric columns (LABEL columns are labels, not metrics).</summary>
    private static readonly Dictionary<string, string[]> s_queries = new(StringComparer.Ordinal)
    {
        ["backends"] = ["total", "max_tx_duration_seconds"],
        ["backends_waiting"] = ["total"],
        ["pg_database"] = ["size_bytes", "xid_age", "mxid_age"],
        ["pg_postmaster"] = ["start_time"],
        ["pg_replication"] = ["lag", "in_recovery", "is_wal_receiver_up", "streaming_replicas"],
        ["pg_replication_slots"] = ["active", "pg_wal_lsn_diff"],
        ["pg_stat_archiver"] =
        [
            "archived_count", "failed_count", "seconds_since_last_archival", "seconds_since_last_failure", "last_archived_time",
            "last_failed_time", "last_archived_wal_start_lsn", "last_failed_wal_start_lsn", "stats_reset_time",
        ],
        ["pg_stat_bgwriter"] =
        [
            "checkpoints_timed", "checkpoints_req", "checkpoint_write_time", "checkpoint_sync_time", "buffers_checkpoint",
            "buffers_clean", "maxwritten_clean", "buffers_backend", "buffers_backend_fsync", "buffers_alloc", "stats_reset_time",
        ],
        ["pg_stat_checkpointer"] =
        [
            "checkpoints_timed", "checkpoints_req", "restartpoints_timed", "restartpoints_req", "restartpoints_done", "write_time",
            "sync_time", "buffers_written", "stats_reset_time",
        ],
        ["pg_stat_database"] =
        [
            "xact_commit", "xact_rollback", "blks_read", "blks_hit", "tup_returned", "tup_fetched", "tup_inserted", "tup_updated",
            "tup_deleted", "conflicts", "temp_files", "temp_bytes", "deadlocks", "blk_read_time", "blk_write_time",
        ],
        ["pg_stat_replication"] =
        [
            "backend_start", "backend_xmin_age", "sent_diff_bytes", "write_diff_bytes", "flush_diff_bytes", "replay_diff_bytes",
            "write_lag_seconds", "flush_lag_seconds", "replay_lag_seconds",
        ],
        ["pg_settings"] = ["setting"],
        ["pg_extensions"] = ["update_available"],
    };

    private static readonly HashSet<string> s_all = Build();

    /// <summary>Every exported metric name.</summary>
    public static IReadOnlySet<string> Exported => s_all;

    /// <summary>Whether the name belongs to CloudNativePG or its plugin (whether or not it exists).</summary>
    public static bool IsCnpgName(string metric) => Prefixes.Any(p => metric.StartsWith(p, StringComparison.Ordinal));

    private static HashSet<string> Build()
    {
        var names = new HashSet<string>(s_collector.Select(c => "cnpg_collector_" + c), StringComparer.Ordinal);
        foreach (var (query, columns) in s_queries)
        {
            names.UnionWith(columns.Select(c => $"cnpg_{query}_{c}"));
        }

        return names;
    }
}
