using System.Security.Cryptography;
using System.Text;

namespace HomeOps.Core.GitOps.Kustomize;

/// <summary>
/// The name hash of generated ConfigMaps, as kustomize adds it once at the top of a build (kusttarget.go
/// addHashesToNames: name + "-" + hasher.go's encode(sha256(json.Marshal({data, kind, name: ""})))), and the references
/// its FixBackReferences then renames: the ConfigMap fieldSpecs of pod specs in
/// api/internal/konfig/builtinpluginconsts/namereference.go (volumes, projected volumes, env configMapKeyRef and
/// envFrom configMapRef of containers and initContainers of Pod, PodTemplate, the workload kinds and CronJob).
/// Anything else that holds the name (an RBAC resourceName, an annotation, a referrer in another namespace, a
/// second ConfigMap of that name) goes to the real kustomize.
/// </summary>
internal static class ConfigMapHash
{
    private static readonly Dictionary<string, string[]> s_podSpecPaths = new(StringComparer.Ordinal)
    {
        ["Pod"] = ["spec"],
        ["PodTemplate"] = ["template", "spec"],
        ["Deployment"] = ["spec", "template", "spec"],
        ["ReplicaSet"] = ["spec", "template", "spec"],
        ["DaemonSet"] = ["spec", "template", "spec"],
        ["StatefulSet"] = ["spec", "template", "spec"],
        ["Job"] = ["spec", "template", "spec"],
        ["CronJob"] = ["spec", "jobTemplate", "spec", "template", "spec"],
    };

    public static void Apply(List<KustomizeResource> resources)
    {
        foreach (var configMap in resources.Where(r => r.NeedsHash).ToList())
        {
            var name = configMap.CurrentName;
            if (resources.Count(r => r.Kind == "ConfigMap" && r.CurrentName == name) > 1 || configMap.Body.ContainsKey("binaryData"))
            {
                throw new KustomizeUnsupportedException("a generated ConfigMap with a name hash and a namesake or binaryData");
            }

            var references = new List<(Dictionary<string, object?> Holder, string Key)>();
            foreach (var resource in resources.Where(r => r != configMap))
            {
                var found = References(resource, name);
                if (Occurrences(resource.Body, name) != found.Count || (found.Count > 0 && resource.CurrentNamespace != configMap.CurrentNamespace))
                {
                    throw new KustomizeUnsupportedException("a reference to a generated ConfigMap with a name hash that kustomize may or may not rename");
                }

                references.AddRange(found);
            }

            var hashed = $"{name}-{Hash(configMap)}";
            configMap.Metadata["name"] = hashed;
            foreach (var (holder, key) in references)
            {
                holder[key] = hashed;
            }
        }
    }

    /// <summary>
    /// encode(hex256(json.Marshal(m))) of api/hasher/hasher.go, m being {"data", "kind", "name"} (keys sorted). The
    /// name is always "": getNodeValues looks "metadata/name" up as one field name (yaml.Lookup takes the path's
    /// segments as separate arguments), finds nothing and puts "" in its place (kustomize v5.5.0, kubectl 1.32).
    /// </summary>
    private static string Hash(KustomizeResource configMap)
    {
        var json = new StringBuilder("{\"data\":");
        if (configMap.Body.Map("data") is { } data)
        {
            json.Append('{');
            var first = true;
            foreach (var (key, value) in data.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                if (value is not string text)
                {
                    throw new KustomizeUnsupportedException("a generated ConfigMap value that is not a string");
                }

                json.Append(first ? string.Empty : ",").Append(GoJsonString(key)).Append(':').Append(GoJsonString(text));
                first = false;
            }

            json.Append('}');
        }
        else
        {
            json.Append("\"\""); // getNodeValues gives "" for a missing field
        }

        json.Append(",\"kind\":\"ConfigMap\",\"name\":\"\"}");
        var hex = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json.ToString())));
        return string.Concat(hex[..10].Select(c => c switch { '0' => 'g', '1' => 'h', '3' => 'k', 'a' => 'm', 'e' => 't', _ => c }));
    }

    /// <summary>A string as Go's json.Marshal writes it (HTML characters escaped); control characters Go versions write differently are left to kustomize.</summary>
    private static string GoJsonString(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '<' => "\\u003c",
                '>' => "\\u003e",
                '&' => "\\u0026",
                '\u2028' => "\\u2028",
                '\u2029' => "\\u2029",
                < ' ' => throw new KustomizeUnsupportedException("a control character in a generated ConfigMap with a name hash"),
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    /// <summary>The fields of <paramref name="resource"/> that name the ConfigMap and that kustomize renames.</summary>
    private static List<(Dictionary<string, object?> Holder, string Key)> References(KustomizeResource resource, string name)
    {
        var found = new List<(Dictionary<string, object?>, string)>();
        if (!s_podSpecPaths.TryGetValue(resource.Kind, out var path) || (resource.Kind == "Pod" && resource.Version != "v1"))
        {
            return found;
        }

        var spec = path.Aggregate((Dictionary<string, object?>?)resource.Body, (map, key) => map?.Map(key));
        if (spec is null)
        {
            return found;
        }

        void Take(Dictionary<string, object?>? holder, string key)
        {
            if (holder is not null && holder.TryGetValue(key, out var value) && value is string s && s == name)
            {
                found.Add((holder, key));
            }
        }

        foreach (var volume in Maps(spec, "volumes"))
        {
            Take(volume.Map("configMap"), "name");
            foreach (var source in Maps(volume.Map("projected"), "sources"))
            {
                Take(source.Map("configMap"), "name");
            }
        }

        foreach (var container in Maps(spec, "containers").Concat(Maps(spec, "initContainers")))
        {
            foreach (var env in Maps(container, "env"))
            {
                Take(env.Map("valueFrom")?.Map("configMapKeyRef"), "name");
            }

            foreach (var envFrom in Maps(container, "envFrom"))
            {
                Take(envFrom.Map("configMapRef"), "name");
            }
        }

        return found;
    }

    private static IEnumerable<Dictionary<string, object?>> Maps(Dictionary<string, object?>? map, string key) =>
        map is not null && map.TryGetValue(key, out var value) && value is List<object?> list ? list.OfType<Dictionary<string, object?>>() : [];

    /// <summary>How many string values anywhere in <paramref name="node"/> equal <paramref name="name"/>.</summary>
    private static int Occurrences(object? node, string name) => node switch
    {
        string s => s == name ? 1 : 0,
        Dictionary<string, object?> map => map.Values.Sum(v => Occurrences(v, name)),
        List<object?> list => list.Sum(v => Occurrences(v, name)),
        _ => 0,
    };
}
