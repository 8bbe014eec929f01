using System.Text.Json;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Model;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>
/// HO3219: a Longhorn RecurringJob that no volume will ever run: no StorageClass recurringJobSelector, no PVC label
/// (honoured only with recurring-job.longhorn.io/source: enabled) and no chart default selects its groups or name.
/// </summary>
public sealed class RecurringJobRule : IGitOpsRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.RecurringJobUnattached];

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        var jobs = Providers.Of(context, "longhorn.io", "RecurringJob");
        if (jobs.Count == 0)
        {
            yield break;
        }

        var groups = new HashSet<string>(StringComparer.Ordinal) { "default" };
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var obj in context.Tree.AllObjects)
        {
            if (obj.Kind == "StorageClass" && obj.Root.Str("parameters", "recurringJobSelector") is { } selector)
            {
                AddSelector(selector, groups, names);
            }

            if (obj.Kind == "HelmRelease" && obj.Root.Str("spec", "values", "persistence", "recurringJobSelector", "jobList") is { } list
                && obj.Root.Bool("spec", "values", "persistence", "recurringJobSelector", "enable") == true)
            {
                AddSelector(list, groups, names);
            }

            if (obj.Kind == "PersistentVolumeClaim" && obj.Labels.GetValueOrDefault("recurring-job.longhorn.io/source") == "enabled")
            {
                foreach (var (key, value) in obj.Labels.Where(l => l.Value == "enabled"))
                {
                    if (key.StartsWith("recurring-job-group.longhorn.io/", StringComparison.Ordinal))
                    {
                        groups.Add(key["recurring-job-group.longhorn.io/".Length..]);
                    }
                    else if (key.StartsWith("recurring-job.longhorn.io/", StringComparison.Ordinal))
                    {
                        names.Add(key["recurring-job.longhorn.io/".Length..]);
                    }
                }
            }
        }

        foreach (var job in jobs)
        {
            var jobGroups = job.Root.Seq("spec", "groups").OfType<Yaml.YamlScalar>().Select(s => s.Value).ToList();
            if (!names.Contains(job.Name) && !jobGroups.Exists(groups.Contains))
            {
                yield return DiagnosticCatalog.RecurringJobUnattached.At(job.Origin.Span, job.Name, jobGroups.Count == 0 ? "(none)" : string.Join(", ", jobGroups));
            }
        }
    }

    private static void AddSelector(string json, HashSet<string> groups, HashSet<string> names)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            foreach (var item in doc.RootElement.EnumerateArray())
            {
                var name = item.TryGetProperty("name", out var n) ? n.GetString() : null;
                var isGroup = item.TryGetProperty("isGroup", out var g) && g.ValueKind == JsonValueKind.True;
                if (name is not null)
                {
                    (isGroup ? groups : names).Add(name);
                }
            }
        }
        catch (JsonException)
        {
            // A malformed selector selects nothing; Longhorn ignores it too.
        }
    }
}
