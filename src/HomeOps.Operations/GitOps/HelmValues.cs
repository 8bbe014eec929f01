using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Flux;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Yaml;

namespace HomeOps.Operations.GitOps;

/// <summary>
/// The values a HelmRelease renders with, merged as helm-controller does: valuesFrom in order (a targetPath item
/// sets one value), then spec.values on top. Produces a YAML values file.
/// </summary>
public static class HelmValues
{
    public static string Merge(HelmReleaseSpec release, IReadOnlyList<KubeObject> objects)
    {
        var merged = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var from in release.ValuesFrom)
        {
            var source = objects.FirstOrDefault(o => o.Kind == from.Kind && o.Group.Length == 0 && o.Name == from.Name && o.Namespace == release.Namespace);
            if (source is null)
            {
                continue;
            }

            var raw = source.Root.StringMap("data").GetValueOrDefault(from.ValuesKey)
                ?? source.Root.StringMap("stringData").GetValueOrDefault(from.ValuesKey);
            if (raw is null)
            {
                continue;
            }

            if (from.Kind == "Secret" && source.Root.StringMap("data").ContainsKey(from.ValuesKey))
            {
                try
                {
                    raw = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(raw));
                }
                catch (FormatException)
                {
                    continue;
                }
            }

            if (from.TargetPath is { } target)
            {
                SetPath(merged, target, raw.Trim());
            }
            else if (YamlReader.ReadAll(raw, from.Name, new DiagnosticBag()).FirstOrDefault() is YamlMapping m)
            {
                DeepMerge(merged, ToPlain(m) as Dictionary<string, object?> ?? []);
            }
        }

        if (release.Values is { } values)
        {
            DeepMerge(merged, ToPlain(values) as Dictionary<string, object?> ?? []);
        }

        return YamlWriter.Write(FromPlain(merged));
    }

    private static object? ToPlain(YamlNode node) => node switch
    {
        YamlMapping m => m.Entries.ToDictionary(e => e.Key.Value, e => ToPlain(e.Value), StringComparer.Ordinal),
        YamlSequence s => s.Items.Select(ToPlain).ToList(),
        YamlScalar sc => sc,
        _ => null,
    };

    private static YamlNode FromPlain(object? value)
    {
        var span = SourceSpan.File("values.yaml");
        return value switch
        {
            Dictionary<string, object?> d => new YamlMapping(span, [.. d.Select(kv => new YamlEntry(new YamlScalar(span, kv.Key, false, null), FromPlain(kv.Value)))]),
            List<object?> l => new YamlSequence(span, [.. l.Select(FromPlain)]),
            YamlScalar s => s,
            string str => new YamlScalar(span, str, true, null),
            _ => new YamlScalar(span, "null", true, null),
        };
    }

    private static void DeepMerge(Dictionary<string, object?> into, Dictionary<string, object?> from)
    {
        foreach (var (key, value) in from)
        {
            if (value is Dictionary<string, object?> child && into.GetValueOrDefault(key) is Dictionary<string, object?> existing)
            {
                DeepMerge(existing, child);
            }
            else
            {
                into[key] = value;
            }
        }
    }

    private static void SetPath(Dictionary<string, object?> into, string path, string value)
    {
        var parts = path.Split('.');
        var current = into;
        foreach (var part in parts[..^1])
        {
            if (current.GetValueOrDefault(part) is not Dictionary<string, object?> next)
            {
                current[part] = next = new Dictionary<string, object?>(StringComparer.Ordinal);
            }

            current = next;
        }

        // --set semantics: the value is typed (numbers, booleans) unless quoted.
        current[parts[^1]] = value;
    }
}
