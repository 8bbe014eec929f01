using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Monitoring;
using HomeOps.Core.Monitoring.PromQl;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>
/// HO3240-HO3242: every rule of every PrometheusRule (in manifests and rendered charts) parses as PromQL, alerts
/// carry a severity and a summary, and alerts on CloudNativePG metrics use names CloudNativePG exports.
/// </summary>
public sealed class PrometheusRuleRule : IGitOpsRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors =>
        [DiagnosticCatalog.PromQlInvalid, DiagnosticCatalog.AlertMetricNotExported, DiagnosticCatalog.AlertWithoutSeverityOrSummary];

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        foreach (var obj in context.Tree.AllObjects.Where(o => o.Is("monitoring.coreos.com", "PrometheusRule")))
        {
            var groups = obj.Root.Seq("spec", "groups");
            for (var g = 0; g < groups.Count; g++)
            {
                var rules = groups[g].Seq("rules");
                for (var r = 0; r < rules.Count; r++)
                {
                    foreach (var diagnostic in CheckRule(obj, rules[r], ["spec", "groups", g, "rules", r]))
                    {
                        yield return diagnostic;
                    }
                }
            }
        }
    }

    private static IEnumerable<Diagnostic> CheckRule(KubeObject obj, YamlNode rule, object[] path)
    {
        var alert = rule.Str("alert");
        var name = alert ?? rule.Str("record") ?? $"#{path[^1]}";
        if (alert is not null)
        {
            var missing = new[] { ("labels", "severity"), ("annotations", "summary") }
                .Where(p => string.IsNullOrWhiteSpace(rule.Str(p.Item1, p.Item2)))
                .Select(p => $"{p.Item1}.{p.Item2}")
                .ToList();
            if (missing.Count > 0)
            {
                yield return DiagnosticCatalog.AlertWithoutSeverityOrSummary.At(obj.Origin.Locate(path), obj, alert, string.Join(" and ", missing));
            }
        }

        var expression = rule.Str("expr");
        if (expression is null)
        {
            // A missing expr is the schema rule's to report.
            yield break;
        }

        var exprPath = (object[])[.. path, "expr"];
        var parsed = PromQlParser.Parse(expression);
        if (!parsed.Succeeded)
        {
            yield return DiagnosticCatalog.PromQlInvalid.At(obj.Origin.Locate(exprPath), obj, name, parsed.Error);
            yield break;
        }

        if (parsed.Expression!.Type is not (PromQlType.InstantVector or PromQlType.Scalar))
        {
            yield return DiagnosticCatalog.PromQlInvalid.At(obj.Origin.Locate(exprPath), obj, name,
                $"a rule must evaluate to an instant vector or a scalar, this one is a {(parsed.Expression.Type == PromQlType.RangeVector ? "range vector" : "string")}");
            yield break;
        }

        foreach (var metric in parsed.MetricNames.Where(m => CnpgMetrics.IsCnpgName(m) && !CnpgMetrics.Exported.Contains(m)))
        {
            yield return DiagnosticCatalog.AlertMetricNotExported.At(obj.Origin.Locate(exprPath), obj, name, metric);
        }
    }
}
