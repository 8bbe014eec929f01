using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.Output;

/// <summary>
/// Objects of a built tree as comparable text: grouped by the Kustomization or HelmRelease that applies them, each
/// written canonically (kustomize's origin annotation removed, Secret values masked).
/// </summary>
public static class RenderedObjects
{
    public const string Mask = "***";

    /// <summary>Group name ("Kustomization flux-system/apps" or "HelmRelease ns/name") → object key → YAML.</summary>
    public static SortedDictionary<string, SortedDictionary<string, string>> Collect(GitOpsTree tree, Func<KustomizationNode, bool>? include = null)
    {
        var groups = new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var k in tree.Kustomizations.Where(k => k.Built && (include is null || include(k))))
        {
            Add(groups, $"Kustomization {k.Id}", k.Objects);
            foreach (var r in k.Releases.Where(r => r.Rendered))
            {
                Add(groups, $"HelmRelease {r.Spec.Id}", r.Objects);
            }
        }

        return groups;
    }

    public static string Write(KubeObject obj)
    {
        var secret = obj.Kind == "Secret" && obj.Group.Length == 0;
        var text = YamlWriter.Write(obj.Root, (path, key) =>
            (path.Count == 2 && path[0] == "metadata" && path[1] == "annotations" && key == KubeObject.OriginAnnotation)
            || (path.Count == 1 && path[0] == "metadata" && key == "annotations" && obj.Annotations.Count == 1 && obj.Annotations.ContainsKey(KubeObject.OriginAnnotation)));
        return secret ? MaskSecret(text) : text;
    }

    private static void Add(SortedDictionary<string, SortedDictionary<string, string>> groups, string group, IEnumerable<KubeObject> objects)
    {
        if (!groups.TryGetValue(group, out var map))
        {
            groups[group] = map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        }

        foreach (var obj in objects)
        {
            map[$"{obj.Kind}/{(obj.Namespace is null ? string.Empty : obj.Namespace + "/")}{obj.Name}"] = Write(obj);
        }
    }

    /// <summary>Secret values never reach a diff: each data/stringData value becomes *** plus a short hash, so changes still show.</summary>
    private static string MaskSecret(string yaml)
    {
        var lines = yaml.Split('\n');
        var inData = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line is "data:" or "stringData:")
            {
                inData = true;
                continue;
            }

            if (!line.StartsWith("  ", StringComparison.Ordinal))
            {
                inData = false;
                continue;
            }

            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (inData && colon > 0)
            {
                var value = line[(colon + 2)..];
                var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(value)))[..8];
                lines[i] = $"{line[..(colon + 2)]}{Mask} ({hash})";
            }
        }

        return string.Join('\n', lines);
    }
}
