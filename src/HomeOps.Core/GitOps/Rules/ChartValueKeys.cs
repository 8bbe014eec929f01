using System.Text.RegularExpressions;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>
/// Keys of a release's values that its chart does not have: a key is known when the chart's values.yaml (or, below a
/// subchart's key, the subchart's values.yaml) has it, or names it in a comment (charts document optional keys as
/// commented-out lines). Keys below a free-form map are not judged: a default that is an empty map or null, a map the
/// templates hand on whole (<c>toYaml .Values.x</c>), a path listed in freeFormValues of .homeops.yaml, and
/// <c>global</c>. Lists are not looked into.
/// </summary>
public static class ChartValueKeys
{
    /// <returns>Each unknown key's path, the subchart it was looked up in (null: the chart), and the known key next to it with the closest spelling.</returns>
    public static IEnumerable<(object[] Path, string? Subchart, string? Suggestion)> Unknown(YamlMapping values, ChartContent chart, IReadOnlyList<string> freeForm)
    {
        var found = new List<(object[], string?, string?)>();
        Walk(values, new Scope(chart, [Defaults(chart)], [], null, [(chart, [])]), [], freeForm, found);
        return found;
    }

    /// <summary>
    /// A chart and where the walk stands in its values: the default mappings that apply, the path below the chart, and
    /// the charts whose templates read these values (a subchart's own, and its parents' below the subchart's key).
    /// </summary>
    private sealed record Scope(ChartContent Chart, IReadOnlyList<YamlMapping> Defaults, string[] ChartPath, string? Subchart, IReadOnlyList<(ChartContent Chart, string[] Prefix)> Readers);

    private static void Walk(YamlMapping values, Scope scope, object[] path, IReadOnlyList<string> freeForm, List<(object[], string?, string?)> found)
    {
        foreach (var entry in values.Entries)
        {
            var key = entry.Key.Value;
            object[] full = [.. path, key];
            if ((scope.ChartPath.Length == 0 && key == "global") || IsFreeForm(full, freeForm))
            {
                continue;
            }

            var defaults = scope.Defaults.Select(d => d.Find(key)?.Value).OfType<YamlNode>().ToList();
            var sub = scope.ChartPath.Length == 0 ? scope.Chart.Subcharts.FirstOrDefault(s => s.Key == key) : null;
            if (sub is not null)
            {
                // Helm coalesces the parent's values under the key over the subchart's own defaults.
                var subDefaults = defaults.OfType<YamlMapping>().Prepend(Defaults(sub.Chart)).ToList();
                if (entry.Value is YamlMapping m)
                {
                    Walk(m, new Scope(sub.Chart, subDefaults, [], sub.Key, [(sub.Chart, []), .. scope.Readers.Select(r => (r.Chart, (string[])[.. r.Prefix, key]))]), full, freeForm, found);
                }

                continue;
            }

            if (defaults.Count == 0)
            {
                if (!Commented(scope.Chart, key) && !ReadByTemplates(scope, key) && !HandedOnWhole(scope.Chart, scope.ChartPath))
                {
                    found.Add((full, scope.Subchart, Closest(key, scope.Defaults.SelectMany(d => d.Entries.Select(e => e.Key.Value)).Concat(CommentedKeys(scope.Chart)))));
                }

                continue;
            }

            var maps = defaults.OfType<YamlMapping>().ToList();
            if (entry.Value is YamlMapping child && maps.Count == defaults.Count && maps.Exists(d => d.Entries.Count > 0))
            {
                Walk(child, scope with { Defaults = maps, ChartPath = [.. scope.ChartPath, key] }, full, freeForm, found);
            }
        }
    }

    /// <summary>The candidate at most two edits away from <paramref name="key"/> (a typo), or null.</summary>
    private static string? Closest(string key, IEnumerable<string> candidates) =>
        candidates.Distinct(StringComparer.Ordinal).Select(c => (c, d: Distance(key, c))).Where(x => x.d <= 2).OrderBy(x => x.d).Select(x => x.c).FirstOrDefault();

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    private static bool IsFreeForm(object[] path, IReadOnlyList<string> freeForm)
    {
        var dotted = string.Join('.', path);
        return freeForm.Any(f => dotted == f || dotted.StartsWith(f + ".", StringComparison.Ordinal));
    }

    /// <summary>The chart's values.yaml (an empty mapping when it has none or it does not parse).</summary>
    internal static YamlMapping Defaults(ChartContent chart) =>
        YamlReader.ReadAll(chart.ValuesYaml, "values.yaml", new DiagnosticBag()).FirstOrDefault() as YamlMapping
        ?? new YamlMapping(SourceSpan.File("values.yaml"), []);

    /// <summary>
    /// A template reads the key by its path (<c>.Values.a.b.key</c>), as charts' helpers read fullnameOverride and
    /// nameOverride without listing them in values.yaml.
    /// </summary>
    private static bool ReadByTemplates(Scope scope, string key) => scope.Readers.Any(reader =>
    {
        string[] segments = [.. reader.Prefix, .. scope.ChartPath, key];
        return segments.All(s => Regex.IsMatch(s, @"^[A-Za-z_]\w*$", RegexOptions.None, TimeSpan.FromSeconds(1)))
            && Regex.IsMatch(reader.Chart.Templates, @"\.Values\." + string.Join(@"\.", segments) + @"(?!\w)", RegexOptions.None, TimeSpan.FromSeconds(2));
    });

    /// <summary>Every key values.yaml documents in a commented-out line (candidates for "did you mean").</summary>
    private static IEnumerable<string> CommentedKeys(ChartContent chart) =>
        Regex.Matches(chart.ValuesYaml, @"^[ \t]*#+[ \t]*-?[ \t]*([A-Za-z_][\w-]*):", RegexOptions.Multiline, TimeSpan.FromSeconds(1)).Select(m => m.Groups[1].Value);

    /// <summary>values.yaml documents the key as a commented-out line ("# key: value" or "#   key:").</summary>
    private static bool Commented(ChartContent chart, string key) =>
        Regex.IsMatch(chart.ValuesYaml, @"^[ \t]*#+[ \t]*-?[ \t]*" + Regex.Escape(key) + ":", RegexOptions.Multiline, TimeSpan.FromSeconds(1));

    /// <summary>
    /// The templates use the map at the path, or one above it, as a whole, so any key in it reaches the manifest: they
    /// serialise it (toYaml, toJson), range over its entries, or hand it to a helper (include "x" (dict ... .Values.m)).
    /// </summary>
    private static bool HandedOnWhole(ChartContent chart, string[] chartPath)
    {
        for (var length = chartPath.Length; length > 0; length--)
        {
            var segments = chartPath.Take(length).ToList();
            var dotted = segments.TrueForAll(s => Regex.IsMatch(s, @"^[A-Za-z_]\w*$", RegexOptions.None, TimeSpan.FromSeconds(1)))
                ? @"\$?\.Values\." + string.Join(@"\.", segments.Select(Regex.Escape)) + @"(?![\w.])"
                : null;
            var indexed = @"\(?index\s+\$?\.Values\s+" + string.Join(@"\s+", segments.Select(s => "\"" + Regex.Escape(s) + "\"")) + @"\s*\)?(?!\s*"")";
            foreach (var values in new[] { dotted, indexed }.OfType<string>())
            {
                string[] uses =
                [
                    @"to(?:Yaml|Json|PrettyJson|RawJson)\s+\(?\s*" + values,
                    values + @"\s*\|\s*to(?:Yaml|Json|PrettyJson|RawJson)",
                    @"with\s+" + values + @"\s*-?}}[\s\S]{0,200}?toYaml\s+\.\s",
                    @"range\s+(?:\$\w+\s*,\s*)?\$\w+\s*:=\s*" + values,
                    @"include\s+""[^""]+""\s+\(dict\b[^)]*?" + values + @"\s*\)",
                ];
                if (uses.Any(u => Regex.IsMatch(chart.Templates, u, RegexOptions.None, TimeSpan.FromSeconds(2))))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
