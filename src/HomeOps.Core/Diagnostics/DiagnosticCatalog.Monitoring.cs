namespace HomeOps.Core.Diagnostics;

// HO324x: Prometheus rules (PrometheusRule objects of the tree and of rendered charts).
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor PromQlInvalid = Error(
        "HO3240", "promql-invalid", "PrometheusRule expression is not valid PromQL",
        "{0} rule '{1}': {2}",
        "Fix the expression; Prometheus refuses the whole rule file, so none of its rules run (try it in Prometheus' expression browser)");

    public static readonly DiagnosticDescriptor AlertMetricNotExported = Warning(
        "HO3241", "alert-metric-not-exported", "Alert reads a metric its exporter does not export",
        "{0} rule '{1}' reads '{2}', which CloudNativePG 1.27 and the Barman Cloud plugin v0.5.0 do not export; the rule never fires",
        "Use a metric from CloudNativePG's collector or default queries (docs/services.md lists them), or add it as a custom query first");

    public static readonly DiagnosticDescriptor AlertWithoutSeverityOrSummary = Warning(
        "HO3242", "alert-without-severity-or-summary", "Alert without severity or summary",
        "{0} alert '{1}' has no {2}",
        "Give every alert labels.severity (critical, warning or info: Alertmanager routes on it) and annotations.summary (the one line a notification shows)");
}
