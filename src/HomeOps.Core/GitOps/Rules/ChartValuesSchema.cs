using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Schema;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>
/// A release's values against the values.schema.json of its chart and, below each enabled subchart's key, of the
/// subchart, as helm 3 checks them before rendering (pkg/chartutil/jsonschema.go, ValidateAgainstSchema, recursing into
/// the dependencies that pkg/chartutil/dependencies.go left enabled: the first path of a dependency's condition that
/// holds a boolean decides, and a dependency whose condition holds none stays enabled). Only the values the release
/// sets are judged: required values are filled by the chart's defaults, which are not merged here.
/// </summary>
public static class ChartValuesSchema
{
    /// <returns>Each violation, with the chart (or subchart) whose schema refuses it.</returns>
    public static IEnumerable<(SchemaViolation Violation, ChartContent Chart)> Violations(ChartContent chart, YamlMapping values) => Violations(chart, values, []);

    private static IEnumerable<(SchemaViolation, ChartContent)> Violations(ChartContent chart, YamlMapping values, object[] prefix)
    {
        if (chart.SchemaJson is { } json && SchemaParser.FromJsonSchema(json) is { } schema)
        {
            var found = new SchemaValidator(null).Validate(values, new KindSchema(string.Empty, string.Empty, schema, false, "values.schema.json"));
            foreach (var v in found.Where(v => v.Kind != ViolationKind.MissingRequired))
            {
                yield return (v with { Path = [.. prefix, .. v.Path] }, chart);
            }
        }

        YamlMapping? defaults = null;
        foreach (var sub in chart.Subcharts)
        {
            if (values.Map(sub.Key) is not { } own)
            {
                continue;
            }

            defaults ??= ChartValueKeys.Defaults(chart);
            if (!Enabled(sub, values, defaults))
            {
                continue;
            }

            foreach (var v in Violations(sub.Chart, own, [.. prefix, sub.Key]))
            {
                yield return v;
            }
        }
    }

    /// <summary>
    /// The first condition path that holds a boolean in the values helm coalesces (the release's, the chart's defaults,
    /// below the subchart's key the subchart's own defaults) decides; none: enabled. Tags are not evaluated.
    /// </summary>
    private static bool Enabled(Subchart sub, YamlMapping values, YamlMapping defaults)
    {
        foreach (var path in (sub.Condition ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var segments = path.Split('.');
            var own = segments.Length > 1 && segments[0] == sub.Key ? ChartValueKeys.Defaults(sub.Chart).Bool(segments[1..]) : null;
            if ((values.Bool(segments) ?? defaults.Bool(segments) ?? own) is { } enabled)
            {
                return enabled;
            }
        }

        return true;
    }
}
