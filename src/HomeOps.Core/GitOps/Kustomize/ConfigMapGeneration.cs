using System.Text.RegularExpressions;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.Kustomize;

/// <summary>
/// configMapGenerator entries (api/internal/generators/configmap.go MakeConfigMap, kv.go, the options merged by
/// types.MergeGlobalOptionsIntoLocal); the name hash is added at the end of the build (<see cref="ConfigMapHash"/>).
/// Env files and behaviours other than create are left to the real kustomize.
/// </summary>
internal static partial class ConfigMapGeneration
{
    public static KustomizeResource Generate(YamlNode entry, YamlNode? globalOptions, Func<string, string> readFile)
    {
        if (entry is not YamlMapping map || map.Entries.Any(e => e.Key.Value is not ("name" or "namespace" or "files" or "literals" or "options" or "behavior")))
        {
            throw new KustomizeUnsupportedException("a configMapGenerator field other than name, namespace, files, literals, options and behavior");
        }

        if (map.Str("behavior") is { } behavior && behavior != "create")
        {
            throw new KustomizeUnsupportedException($"configMapGenerator behavior {behavior}");
        }

        var name = map["name"] is { } n ? KustomizeValues.ScalarText(n) : string.Empty;
        if (name.Length == 0)
        {
            throw new KustomizeUnsupportedException("a configMapGenerator without a name");
        }

        var options = Options.Merge(map["options"], globalOptions);
        var data = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in Literals(map).Concat(Files(map, readFile)))
        {
            if (!ValidKey().IsMatch(key) || key is "." or ".." || key.Length > 253 || !data.TryAdd(key, value))
            {
                throw new KustomizeUnsupportedException($"the ConfigMap key '{key}'");
            }
        }

        var metadata = new Dictionary<string, object?>(StringComparer.Ordinal) { ["name"] = name };
        if (map["namespace"] is { } ns && KustomizeValues.ScalarText(ns) is { Length: > 0 } nsText)
        {
            metadata["namespace"] = nsText;
        }

        if (options.Labels.Count > 0)
        {
            metadata["labels"] = options.Labels.ToDictionary(e => e.Key, e => (object?)e.Value, StringComparer.Ordinal);
        }

        if (options.Annotations.Count > 0)
        {
            metadata["annotations"] = options.Annotations.ToDictionary(e => e.Key, e => (object?)e.Value, StringComparer.Ordinal);
        }

        var body = new Dictionary<string, object?>(StringComparer.Ordinal) { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["metadata"] = metadata };
        if (data.Count > 0)
        {
            body["data"] = data;
        }

        if (options.Immutable)
        {
            body["immutable"] = true;
        }

        return new KustomizeResource(body) { NeedsHash = !options.DisableNameSuffixHash };
    }

    private static IEnumerable<(string Key, string Value)> Literals(YamlMapping map)
    {
        foreach (var item in map.Seq("literals"))
        {
            var source = KustomizeValues.ScalarText(item);
            var at = source.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0)
            {
                throw new KustomizeUnsupportedException($"the literal '{source}'");
            }

            var value = source[(at + 1)..];
            if (value.Length >= 2 && value[0] == value[^1] && value[0] is '"' or '\'')
            {
                value = value[1..^1];
            }

            yield return (source[..at], value);
        }
    }

    private static IEnumerable<(string Key, string Value)> Files(YamlMapping map, Func<string, string> readFile)
    {
        foreach (var item in map.Seq("files"))
        {
            var source = KustomizeValues.ScalarText(item);
            var (key, path) = source.Count(c => c == '=') switch
            {
                0 => (source[(source.LastIndexOf('/') + 1)..], source),
                1 when !source.StartsWith('=') && !source.EndsWith('=') => (source[..source.IndexOf('=', StringComparison.Ordinal)], source[(source.IndexOf('=', StringComparison.Ordinal) + 1)..]),
                _ => throw new KustomizeUnsupportedException($"the file source '{source}'"),
            };
            var text = readFile(path);
            if (text.Contains('\uFFFD', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal))
            {
                throw new KustomizeUnsupportedException($"the file '{path}' (not plain UTF-8 text)");
            }

            yield return (key, text);
        }
    }

    [GeneratedRegex("^[-._a-zA-Z0-9]+$")]
    private static partial Regex ValidKey();

    private sealed record Options(bool DisableNameSuffixHash, bool Immutable, IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, string> Annotations)
    {
        public static Options Merge(YamlNode? local, YamlNode? global)
        {
            foreach (var node in new[] { local, global })
            {
                if (node is YamlMapping m && m.Entries.Any(e => e.Key.Value is not ("disableNameSuffixHash" or "immutable" or "labels" or "annotations")))
                {
                    throw new KustomizeUnsupportedException("generator options other than disableNameSuffixHash, immutable, labels and annotations");
                }
            }

            var labels = Strings(local, "labels");
            var annotations = Strings(local, "annotations");
            foreach (var (key, value) in Strings(global, "labels"))
            {
                labels.TryAdd(key, value);
            }

            foreach (var (key, value) in Strings(global, "annotations"))
            {
                annotations.TryAdd(key, value);
            }

            return new Options(Flag(local, "disableNameSuffixHash") || Flag(global, "disableNameSuffixHash"), Flag(local, "immutable") || Flag(global, "immutable"), labels, annotations);
        }

        private static bool Flag(YamlNode? options, string key) => options.At(key) switch
        {
            null => false,
            YamlScalar { IsPlain: true, Value: "true" } => true,
            YamlScalar { IsPlain: true, Value: "false" } => false,
            _ => throw new KustomizeUnsupportedException($"the generator option {key}"),
        };

        private static Dictionary<string, string> Strings(YamlNode? options, string key)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in options.Map(key)?.Entries ?? [])
            {
                result[entry.Key.Value] = KustomizeValues.ScalarText(entry.Value);
            }

            return result;
        }
    }
}
