namespace HomeOps.Core.Diagnostics;

// HO33xx: what the cluster admits: Pod Security Standards, and the values a chart accepts.
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor PodSecurityViolation = Error(
        "HO3300", "pod-security-violation", "Pod rejected by Pod Security admission",
        "{0}: {1} {2} (Pod Security '{3}' enforced on namespace {4}, check {5}); the API server rejects its pods",
        "Set the field as the standard allows (for a chart, through its values), or, if the workload really needs it, label namespace {4} pod-security.kubernetes.io/enforce: {6} and say why in docs/platform.md");

    public static readonly DiagnosticDescriptor PodSecurityTooPermissive = Warning(
        "HO3301", "pod-security-level-too-permissive", "Namespace enforces a looser Pod Security level than its pods need",
        "Namespace {0} enforces Pod Security '{1}', but all {2} pod template(s) in it pass '{3}'",
        "Label it pod-security.kubernetes.io/enforce: {3} (and audit/warn), so a new workload cannot quietly run with more privileges; if an operator creates pods there that need '{1}', turn this rule off in .homeops.yaml and say why");

    public static readonly DiagnosticDescriptor PodSecurityLabelInvalid = Error(
        "HO3302", "pod-security-label-invalid", "Invalid Pod Security label",
        "Namespace {0}: label {1}={2} {3}; the API server refuses to create the namespace",
        "A level is privileged, baseline or restricted; a version is latest or v1.N (for example v1.31)");

    public static readonly DiagnosticDescriptor HelmValuesSchemaViolation = Error(
        "HO3303", "helm-values-schema-violation", "Value refused by the chart's values.schema.json",
        "HelmRelease {0}: values.{1} {2} (values.schema.json of chart {3})",
        "helm refuses to render (and helm-controller to install) values its chart's schema rejects: fix the value, or check the chart's documentation for what it takes");

    public static readonly DiagnosticDescriptor HelmValuesUnknownKey = Warning(
        "HO3304", "helm-values-unknown-key", "Value the chart does not know",
        "HelmRelease {0}: values.{1} is not a value of chart {2}{3}",
        "A key the chart does not read does nothing (a typo?): fix its name, or remove it. If the chart takes a free-form map there, list the path under freeFormValues.{4} in .homeops.yaml");
}
