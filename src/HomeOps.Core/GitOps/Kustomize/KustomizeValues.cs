using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.Kustomize;

/// <summary>
/// Manifests as kustomize sees them when it prints: the JSON that kyaml makes of a yaml.v3 decode (maps of string
/// keys, lists, strings, longs, doubles, bools, null). Anything kyaml would refuse or change in a way not reproduced
/// here (tags, merge keys, non-string keys, a null list item) throws <see cref="KustomizeUnsupportedException"/>.
/// </summary>
internal static class KustomizeValues
{
    public static object? FromYaml(YamlNode node, int depth = 0)
    {
        if (depth > YamlReader.MaxDepth)
        {
            throw new KustomizeUnsupportedException("a deeply nested value");
        }

        switch (node)
        {
            case YamlMapping mapping:
                var map = new Dictionary<string, object?>(mapping.Entries.Count, StringComparer.Ordinal);
                foreach (var source in MergeSources(mapping))
                {
                    foreach (var (key, value) in (Dictionary<string, object?>)FromYaml(source, depth + 1)!)
                    {
                        map[key] = value;
                    }
                }

                foreach (var entry in mapping.Entries.Where(e => !IsMergeKey(e.Key)))
                {
                    map[Key(entry.Key)] = FromYaml(entry.Value, depth + 1);
                }

                return map;
            case YamlSequence sequence:
                var list = new List<object?>(sequence.Items.Count);
                foreach (var item in sequence.Items)
                {
                    // kustomize refuses a list with an empty item (resource.Factory dropBadNodes, HasNilEntryInList).
                    list.Add(FromYaml(item, depth + 1) ?? throw new KustomizeUnsupportedException("a null item in a list"));
                }

                return list;
            case YamlScalar scalar:
                if (scalar.Tag is not null)
                {
                    throw new KustomizeUnsupportedException($"the tag {scalar.Tag}");
                }

                return scalar.IsPlain ? GoYamlResolve.DecodePlainV3(scalar.Value) : scalar.IsFolded ? FoldedRoundTrip(scalar.Value, maxIndent: (2 * depth) + 2) : scalar.Value;
            default:
                throw new KustomizeUnsupportedException("an unknown YAML node");
        }
    }

    /// <summary>
    /// A folded block (&gt;) as kustomize hands it on: kyaml prints it folded again with go-yaml v3 and reads it back,
    /// and the emitter (yaml_emitter_write_folded_scalar) decides whether to add the blank line that keeps a line
    /// break by looking at the first character of the whole value instead of the next line; read back, a line
    /// break before a more-indented line (and the last one of a kept ending) comes out doubled.
    /// </summary>
    private static string FoldedRoundTrip(string value, int maxIndent)
    {
        if (value.Length == 0 || value.EndsWith(' ') || value.Contains(" \n", StringComparison.Ordinal) || value.Any(c => c < ' ' && c != '\n'))
        {
            return value;   // not printable as a block: the emitter quotes it, which reads back unchanged
        }

        if (value[0] is ' ' or '\n')
        {
            throw new KustomizeUnsupportedException("a folded block that starts with a space or an empty line");
        }

        var result = new System.Text.StringBuilder(value.Length + 8);
        var i = 0;
        while (i < value.Length)
        {
            var end = value.IndexOf('\n', i);
            var line = end < 0 ? value[i..] : value[i..end];
            // The emitter also breaks long lines at a space past column 80, which reads back as a line break in a
            // more-indented line; such a line could be broken if it has a space that far.
            if (line.StartsWith(' ') && line.LastIndexOf(' ') + maxIndent > 80)
            {
                throw new KustomizeUnsupportedException("a long more-indented line in a folded block");
            }

            result.Append(line);
            if (end < 0)
            {
                break;
            }

            var next = end;
            while (next < value.Length && value[next] == '\n')
            {
                next++;
            }

            var doubled = !line.StartsWith(' ') && (next < value.Length ? value[next] == ' ' : next - end >= 2);
            result.Append('\n', next - end + (doubled ? 1 : 0));
            i = next;
        }

        return result.ToString();
    }

    /// <summary>
    /// The maps a merge key ("&lt;&lt;: *defaults" or a list of them) pulls in, in the order kyaml applies them
    /// (kyaml/yaml/rnode.go deAnchor, mergeAll): the last listed first, so earlier ones and the map's own keys win.
    /// </summary>
    private static IEnumerable<YamlMapping> MergeSources(YamlMapping mapping)
    {
        if (mapping.Entries.FirstOrDefault(e => IsMergeKey(e.Key)) is not { } merge)
        {
            return [];
        }

        return merge.Value switch
        {
            YamlMapping single => [single],
            YamlSequence list when list.Items.All(i => i is YamlMapping) => list.Items.Cast<YamlMapping>().Reverse(),
            _ => throw new KustomizeUnsupportedException("a merge key that is not a map or a list of maps"),
        };
    }

    private static bool IsMergeKey(YamlScalar key) => key is { IsPlain: true, Tag: null, Value: "<<" };

    /// <summary>The text kyaml reads from a scalar when it wants a string (RNode GetValue: the scalar as written).</summary>
    public static string ScalarText(YamlNode node) =>
        node is YamlScalar { Tag: null } scalar ? scalar.Value : throw new KustomizeUnsupportedException("a non-scalar where kustomize reads a string");

    private static string Key(YamlScalar key)
    {
        if (key.Tag is not null || (key.IsPlain && GoYamlResolve.DecodePlainV3(key.Value) is not string) || key.Value == "<<")
        {
            throw new KustomizeUnsupportedException($"the key '{key.Value}'");
        }

        return key.Value;
    }

    public static object? DeepCopy(object? value) => value switch
    {
        Dictionary<string, object?> map => map.ToDictionary(e => e.Key, e => DeepCopy(e.Value), StringComparer.Ordinal),
        List<object?> list => list.Select(DeepCopy).ToList(),
        _ => value,
    };

    public static Dictionary<string, object?>? Map(this Dictionary<string, object?> map, string key) =>
        map.TryGetValue(key, out var value) ? value as Dictionary<string, object?> : null;

    public static string? String(this Dictionary<string, object?> map, string key) =>
        map.TryGetValue(key, out var value) ? value as string : null;

    /// <summary>The map at <paramref name="key"/>, created when missing (kyaml LookupCreate).</summary>
    public static Dictionary<string, object?> MapOrCreate(this Dictionary<string, object?> map, string key)
    {
        if (map.TryGetValue(key, out var value) && value is Dictionary<string, object?> existing)
        {
            return existing;
        }

        if (value is not null)
        {
            throw new KustomizeUnsupportedException($"'{key}' is not a map");
        }

        var created = new Dictionary<string, object?>(StringComparer.Ordinal);
        map[key] = created;
        return created;
    }
}
