using HomeOps.Core.Monitoring;
using HomeOps.Core.Monitoring.PromQl;
using HomeOps.Core.Yaml;
using HomeOps.Tree.Tests.Tree;

namespace HomeOps.Tree.Tests;

/// <summary>
/// The alerts of the tree: every expression is PromQL (parsed by HomeOps.Core's parser), the CloudNativePG alerts
/// are at least 15, each with a severity, a summary and a runbook description, and they read only metrics
/// CloudNativePG exports (the reference repository alerted on metrics that never existed).
/// </summary>
public sealed class PrometheusRuleTests
{
    private static IEnumerable<(TreeObject Rule, YamlNode Node)> Rules(FluxTree tree) =>
        tree.Objects.Where(o => o.Kind == "PrometheusRule")
            .SelectMany(o => o.Node.Items("spec", "groups").SelectMany(g => g.Items("rules")).Select(r => (o, r)));

    private static List<YamlNode> CnpgAlerts(FluxTree tree) =>
        [.. tree["cnpg-monitoring"].Build.Objects.Single(o => o.Kind == "PrometheusRule" && o.Name == "cnpg-alerts")
            .Node.Items("spec", "groups").SelectMany(g => g.Items("rules"))];

    [Fact]
    public async Task PrometheusRules_EveryExpression_IsValidPromQl()
    {
        var tree = await FluxTree.Repository;
        var rules = Rules(tree).ToList();
        rules.Count.ShouldBeGreaterThan(30);
        var problems = rules
            .Select(r => (r.Rule, Name: r.Node.Text("alert") ?? r.Node.Text("record"), Result: PromQlParser.Parse(r.Node.Text("expr") ?? string.Empty)))
            .Where(r => !r.Result.Succeeded || r.Result.Expression!.Type is not (PromQlType.InstantVector or PromQlType.Scalar))
            .Select(r => $"{r.Rule} {r.Name}: {r.Result.Error?.ToString() ?? "evaluates to " + r.Result.Expression!.Type}");
        problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Alerts_HaveASeverityAndASummary()
    {
        var tree = await FluxTree.Repository;
        var alerts = Rules(tree).Where(r => r.Node.Text("alert") is not null).ToList();
        alerts.Where(a => a.Node.Text("labels", "severity") is not ("critical" or "warning" or "info"))
            .Select(a => $"{a.Rule} {a.Node.Text("alert")}").ShouldBeEmpty("severity must be critical, warning or info (Alertmanager routes on it)");
        alerts.Where(a => string.IsNullOrWhiteSpace(a.Node.Text("annotations", "summary")))
            .Select(a => $"{a.Rule} {a.Node.Text("alert")}").ShouldBeEmpty();
    }

    [Fact]
    public async Task CnpgAlerts_AtLeastFifteen_EachWithSeveritySummaryAndRunbook()
    {
        var tree = await FluxTree.Repository;
        var alerts = CnpgAlerts(tree);
        alerts.Count.ShouldBeGreaterThanOrEqualTo(15);
        alerts.ShouldAllBe(a => a.Text("alert") != null);
        alerts.Select(a => a.Text("alert")).ShouldBeUnique();
        foreach (var alert in alerts)
        {
            var name = alert.Text("alert");
            alert.Text("labels", "severity").ShouldBeOneOf(["critical", "warning", "info"], name);
            alert.Text("annotations", "summary").ShouldNotBeNullOrWhiteSpace(name);
            // The description is the runbook: what it means and what to do.
            (alert.Text("annotations", "description") ?? string.Empty).Length.ShouldBeGreaterThan(60, name);
        }
    }

    [Fact]
    public async Task CnpgAlerts_ReadOnlyMetricsCloudNativePgExports()
    {
        var tree = await FluxTree.Repository;
        foreach (var alert in CnpgAlerts(tree))
        {
            var metrics = PromQlParser.Parse(alert.Text("expr")!).MetricNames;
            metrics.ShouldNotBeEmpty(alert.Text("alert"));
            metrics.Where(m => !CnpgMetrics.Exported.Contains(m)).ShouldBeEmpty($"{alert.Text("alert")} reads metrics CloudNativePG does not export");
        }
    }

    [Fact]
    public async Task CnpgAlerts_CoverBackupReplicationInstancesAndSaturation()
    {
        var tree = await FluxTree.Repository;
        var metrics = CnpgAlerts(tree).SelectMany(a => PromQlParser.Parse(a.Text("expr")!).MetricNames).ToHashSet(StringComparer.Ordinal);
        string[] required =
        [
            "cnpg_collector_up", "cnpg_collector_fencing_on", "cnpg_pg_replication_lag", "cnpg_pg_replication_streaming_replicas",
            "cnpg_pg_replication_in_recovery", "cnpg_pg_stat_archiver_failed_count", "cnpg_pg_stat_archiver_seconds_since_last_archival",
            "cnpg_collector_pg_wal_archive_status", "cnpg_collector_last_failed_backup_timestamp", "cnpg_backends_total",
            "cnpg_pg_settings_setting", "cnpg_collector_pg_wal",
        ];
        required.Where(m => !metrics.Contains(m)).ShouldBeEmpty();
    }

    [Fact]
    public async Task BackupObjectAlerts_ReadTheMetricsKubeStateMetricsIsConfiguredToExport()
    {
        // The plugin v0.5.0 exports no backup metrics; kube-state-metrics derives them from the Backup objects.
        var tree = await FluxTree.Repository;
        var values = tree["kube-prometheus-stack"].Build.Objects.Single(o => o.Kind == "HelmRelease").Node.At("spec", "values", "kube-state-metrics");
        values.Text("customResourceState", "enabled").ShouldBe("true");
        var resource = values.Items("customResourceState", "config", "spec", "resources").Single();
        resource.Text("groupVersionKind", "kind").ShouldBe("Backup");
        values.Items("rbac", "extraRules").ShouldContain(r => r.Items("resources").Any(x => x.Text() == "backups"));
        var defined = resource.Items("metrics").Select(m => $"{resource.Text("metricNamePrefix")}_{m.Text("name")}").ToHashSet(StringComparer.Ordinal);

        var rule = tree["cnpg-monitoring"].Build.Objects.Single(o => o.Kind == "PrometheusRule" && o.Name == "postgresql-kubernetes-alerts");
        var used = rule.Node.Items("spec", "groups").SelectMany(g => g.Items("rules"))
            .SelectMany(r => PromQlParser.Parse(r.Text("expr")!).MetricNames)
            .Where(m => m.StartsWith(resource.Text("metricNamePrefix") + "_", StringComparison.Ordinal))
            .ToList();
        used.ShouldNotBeEmpty();
        used.Where(m => !defined.Contains(m)).ShouldBeEmpty();
    }

    [Fact]
    public async Task BackupObjectAlerts_MatchOnlyLabelsEveryBackupMetricCarries()
    {
        // kube-state-metrics reads a gauge's own labelsFromPath relative to the gauge's path (status.stoppedAt is a
        // string, so [status, phase] under it is always empty); labels an alert matches on must come from the
        // resource-level labelsFromPath, which is read from the object itself.
        var tree = await FluxTree.Repository;
        var values = tree["kube-prometheus-stack"].Build.Objects.Single(o => o.Kind == "HelmRelease").Node.At("spec", "values", "kube-state-metrics");
        var resource = values.Items("customResourceState", "config", "spec", "resources").Single();
        var labels = resource.Entries("labelsFromPath").Select(e => e.Key.Value).ToHashSet(StringComparer.Ordinal);
        labels.ShouldContain("phase");
        resource.Items("metrics").ShouldAllBe(m => m.At("each", "gauge", "labelsFromPath") == null);

        var rule = tree["cnpg-monitoring"].Build.Objects.Single(o => o.Kind == "PrometheusRule" && o.Name == "postgresql-kubernetes-alerts");
        var matched = rule.Node.Items("spec", "groups").SelectMany(g => g.Items("rules"))
            .Select(r => PromQlParser.Parse(r.Text("expr")!).Expression!)
            .SelectMany(PromQlMetrics.Selectors)
            .Where(v => v.MetricName?.StartsWith(resource.Text("metricNamePrefix") + "_", StringComparison.Ordinal) == true)
            .SelectMany(v => v.Matchers.Where(m => m.Label != "__name__").Select(m => m.Label))
            .ToHashSet(StringComparer.Ordinal);
        matched.ShouldContain("phase");
        matched.Where(l => !labels.Contains(l)).ShouldBeEmpty();
    }
}
