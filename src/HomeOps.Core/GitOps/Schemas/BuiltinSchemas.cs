using System.Text.Json;

namespace HomeOps.Core.GitOps.Schemas;

/// <summary>
/// The Kubernetes built-in kinds of one minor release, from the embedded compacted OpenAPI document
/// (scripts/schemas/compact-kubernetes-openapi.py; see docs/validate.md for where it comes from).
/// </summary>
public sealed class BuiltinSchemas
{
    // Definitions are parsed on first use: a tree touches a few dozen of the ~600, and startup time matters.
    private readonly JsonElement _raw;
    private readonly Dictionary<string, SchemaNode?> _definitions = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (string Definition, bool Namespaced)> _kinds;

    private BuiltinSchemas(string version, JsonElement raw, Dictionary<string, (string, bool)> kinds)
    {
        KubernetesVersion = version;
        _raw = raw;
        _kinds = kinds;
        Groups = kinds.Keys.Select(k => k.Split('/') is { Length: 3 } p ? p[0] : string.Empty).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Minor versions with an embedded schema set.</summary>
    public static IReadOnlyList<string> Available { get; } = ["1.31"];

    public string KubernetesVersion { get; }

    /// <summary>API groups served by this Kubernetes version ("" is the core group).</summary>
    public IReadOnlySet<string> Groups { get; }

    public static BuiltinSchemas? Load(string minorVersion)
    {
        var stream = typeof(BuiltinSchemas).Assembly.GetManifestResourceStream($"HomeOps.Core.Schemas.kubernetes-v{minorVersion}.json");
        if (stream is null)
        {
            return null;
        }

        using (stream)
        {
            // Cloned so the element outlives the document; the schema set lives as long as the process.
            var root = JsonDocument.Parse(stream).RootElement.Clone();
            var kinds = root.GetProperty("kinds").EnumerateObject()
                .ToDictionary(p => p.Name, p => (p.Value.GetProperty("definition").GetString()!, p.Value.GetProperty("namespaced").GetBoolean()), StringComparer.Ordinal);
            return new BuiltinSchemas(root.GetProperty("kubernetesVersion").GetString()!, root.GetProperty("definitions"), kinds);
        }
    }

    public SchemaNode? Definition(string name)
    {
        lock (_lock)
        {
            if (!_definitions.TryGetValue(name, out var node))
            {
                node = _raw.TryGetProperty(name, out var raw) ? SchemaParser.FromJson(raw) : null;
                _definitions[name] = node;
            }

            return node;
        }
    }

    public SchemaNode ObjectMeta => Definition("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta")!;

    public KindSchema? Find(string apiVersion, string kind)
    {
        return _kinds.TryGetValue($"{apiVersion}/{kind}", out var k)
            ? new KindSchema(apiVersion, kind, Definition(k.Definition)!, k.Namespaced, $"Kubernetes {KubernetesVersion}")
            : null;
    }

    /// <summary>The versions of a group that serve <paramref name="kind"/>, e.g. ["v1"] for policy PodDisruptionBudget.</summary>
    public IReadOnlyList<string> VersionsOf(string group, string kind) =>
        [.. _kinds.Keys
            .Select(k => k.Split('/'))
            .Where(p => (p.Length == 3 && p[0] == group && p[2] == kind) || (group.Length == 0 && p.Length == 2 && p[1] == kind))
            .Select(p => p.Length == 3 ? $"{p[0]}/{p[1]}" : p[0])];
}
