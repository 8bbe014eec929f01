using HomeOps.Core.Monitoring;

namespace HomeOps.Core.Tests.Monitoring;

public sealed class CnpgMetricsTests
{
    [Theory]
    [InlineData("cnpg_collector_up")]
    [InlineData("cnpg_collector_pg_wal_archive_status")]
    [InlineData("cnpg_collector_last_failed_backup_timestamp")]
    [InlineData("cnpg_pg_replication_lag")]
    [InlineData("cnpg_pg_stat_archiver_failed_count")]
    [InlineData("cnpg_backends_total")]
    [InlineData("cnpg_backends_waiting_total")]
    [InlineData("cnpg_pg_settings_setting")]
    [InlineData("cnpg_pg_stat_replication_replay_lag_seconds")]
    [InlineData("cnpg_pg_extensions_update_available")]
    public void Exported_MetricOfCloudNativePg_IsListed(string metric) => CnpgMetrics.Exported.ShouldContain(metric);

    [Theory]
    // The reference repository's alerts, on names nothing exports.
    [InlineData("cnpg_backup_failed_total")]
    [InlineData("cnpg_wal_archive_failed_total")]
    [InlineData("cnpg_objectstore_connection_status")]
    [InlineData("cnpg_wal_files_pending")]
    // Label columns of the default queries are labels, not metrics.
    [InlineData("cnpg_backends_datname")]
    // Plugin metrics arrived in v0.6.0; the tree runs v0.5.0.
    [InlineData("barman_cloud_cloudnative_pg_io_last_available_backup_timestamp")]
    public void Exported_NameNothingExports_IsNotListed(string metric) => CnpgMetrics.Exported.ShouldNotContain(metric);

    [Fact]
    public void Exported_EveryName_BelongsToCloudNativePg()
    {
        CnpgMetrics.Exported.Count.ShouldBeGreaterThan(90);
        CnpgMetrics.Exported.ShouldAllBe(m => CnpgMetrics.IsCnpgName(m));
    }

    [Theory]
    [InlineData("cnpg_anything", true)]
    [InlineData("barman_cloud_cloudnative_pg_io_first_recoverability_point", true)]
    [InlineData("kube_cnpg_backup_stopped_timestamp_seconds", false)]
    [InlineData("up", false)]
    public void IsCnpgName_Prefix_Decides(string metric, bool expected) => CnpgMetrics.IsCnpgName(metric).ShouldBe(expected);
}
