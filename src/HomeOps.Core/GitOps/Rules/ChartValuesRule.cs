using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Schema;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>
/// The values of each rendered HelmRelease against what its chart accepts: HO3303 a value the chart's
/// values.schema.json refuses (helm checks the same schema before rendering, and helm-controller before installing),
/// located at the value in spec.values; HO3304 a key of spec.values the chart's values.yaml does not have
/// (<see cref="ChartValueKeys"/>).
/// </summary>
public sealed class ChartValuesRule : IGitOpsRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.HelmValuesSchemaViolation, DiagnosticCatalog.HelmValuesUnknownKey];

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        foreach (var release in context.Tree.Kustomizations.SelectMany(k => k.Releases))
        {
            if (release.Chart?.Value is not { } chart)
            {
                continue;
            }

            var spec = release.Spec;
            var name = chart.Version is null ? chart.Name : $"{chart.Name}@{chart.Version}";
            var reported = 0;
            var refusedKeys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (v, refusing) in release.Values is { } values ? ChartValuesSchema.Violations(chart, values) : [])
            {
                reported++;
                if (v.Kind == ViolationKind.UnknownField)
                {
                    refusedKeys.Add(Path(v.Path));
                }

                yield return DiagnosticCatalog.HelmValuesSchemaViolation.At(Locate(spec, v.Path), spec.Id, Path(v.Path), v.Message, ReferenceEquals(refusing, chart) ? name : $"{name}, subchart {refusing.Name}@{refusing.Version}");
            }

            if (reported == 0 && release.ValuesSchemaError is { } helmError)
            {
                yield return DiagnosticCatalog.HelmValuesSchemaViolation.At(spec.Object.Origin.Locate("spec", "values"), spec.Id, "(as helm reports it)", helmError, name);
            }

            if (spec.Values is not { } own)
            {
                continue;
            }

            var freeForm = context.Settings.FreeFormValues.GetValueOrDefault(chart.Name) ?? [];
            // A key the schema already refuses (additionalProperties: false) is reported once, as the error.
            foreach (var (path, subchart, suggestion) in ChartValueKeys.Unknown(own, chart, freeForm).Where(u => !refusedKeys.Contains(Path(u.Path))))
            {
                var where = (subchart is null ? string.Empty : $" (nor of its subchart {subchart})") + (suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?");
                yield return DiagnosticCatalog.HelmValuesUnknownKey.At(spec.Object.Origin.Locate(["spec", "values", .. path]), spec.Id, Path(path), name, where, chart.Name);
            }
        }
    }

    /// <summary>The value in spec.values when the release sets it there, else spec.valuesFrom (it came from a ConfigMap or Secret).</summary>
    private static SourceSpan Locate(Flux.HelmReleaseSpec spec, IReadOnlyList<object> path) =>
        spec.Values is { } own && YamlAccess.Deepest(own, path, out var complete) is not null && complete
            ? spec.Object.Origin.Locate(["spec", "values", .. path])
            : spec.Object.Origin.Locate(spec.ValuesFrom.Count > 0 ? ["spec", "valuesFrom"] : ["spec", "values"]);

    private static string Path(IReadOnlyList<object> path) => string.Concat(path.Select((p, i) => p is int n ? $"[{n}]" : i == 0 ? (string)p : "." + p));
}
