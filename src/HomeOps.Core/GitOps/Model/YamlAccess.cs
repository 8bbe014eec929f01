using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.Model;

/// <summary>Small lenient getters over positioned YAML, for third-party manifests where a missing key is normal.</summary>
public static class YamlAccess
{
    public static YamlNode? At(this YamlNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            node = node is YamlMapping m ? m[key] : null;
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    public static string? Str(this YamlNode? node, params string[] path) =>
        node.At(path) is YamlScalar { IsNull: false } s ? s.Value : null;

    public static YamlMapping? Map(this YamlNode? node, params string[] path) => node.At(path) as YamlMapping;

    public static IReadOnlyList<YamlNode> Seq(this YamlNode? node, params string[] path) =>
        node.At(path) is YamlSequence s ? s.Items : [];

    public static bool? Bool(this YamlNode? node, params string[] path) =>
        node.At(path) is YamlScalar s && ScalarKinds.TryParseBoolean(s.Value, out var b) ? b : null;

    /// <summary>A mapping of scalars (labels, annotations, ConfigMap data) as a dictionary.</summary>
    public static IReadOnlyDictionary<string, string> StringMap(this YamlNode? node, params string[] path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node.At(path) is YamlMapping m)
        {
            foreach (var entry in m.Entries)
            {
                if (entry.Value is YamlScalar s)
                {
                    result[entry.Key.Value] = s.IsNull ? string.Empty : s.Value;
                }
            }
        }

        return result;
    }

    /// <summary>Follows a path of mapping keys and sequence indexes as far as it exists; returns the deepest node found.</summary>
    public static YamlNode Deepest(YamlNode root, IReadOnlyList<object> path, out bool complete)
    {
        var node = root;
        foreach (var step in path)
        {
            YamlNode? next = (node, step) switch
            {
                (YamlMapping m, string key) => m.Find(key)?.Value,
                (YamlSequence s, int index) when index >= 0 && index < s.Items.Count => s.Items[index],
                _ => null,
            };
            if (next is null)
            {
                complete = false;
                return node;
            }

            node = next;
        }

        complete = true;
        return node;
    }

    /// <summary>The key node of the last step when it is a mapping key, so a diagnostic can point at the key itself.</summary>
    public static YamlScalar? KeyAt(YamlNode root, IReadOnlyList<object> path)
    {
        if (path.Count == 0 || path[^1] is not string last)
        {
            return null;
        }

        var parent = Deepest(root, [.. path.Take(path.Count - 1)], out var complete);
        return complete && parent is YamlMapping m ? m.Find(last)?.Key : null;
    }

    public static string FormatPath(IEnumerable<object> path)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var step in path)
        {
            if (step is int i)
            {
                sb.Append('[').Append(i).Append(']');
            }
            else
            {
                if (sb.Length > 0)
                {
                    sb.Append('.');
                }

                sb.Append(step);
            }
        }

        return sb.ToString();
    }
}
