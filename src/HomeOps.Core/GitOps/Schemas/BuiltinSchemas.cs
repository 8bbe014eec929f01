using System.Text.Json;

namespace HomeOps.Core.GitOps.Schemas;

/// <summary>
/// The Kubernetes built-in kinds of one minor release, from the embedded compacted OpenAPI document
/// (scripts/schemas/compact-kubernetes-openapi.py; see docs/validate.md for where it comes from).
/// </summary>
public sealed class BuiltinSchemas
{
    private readonly Dictionary<string, SchemaNode> _definitions;
    private readonly Dictionary<string, (string Definition, bool Namespaced)> _kinds;

    private BuiltinSchemas(string version, Dictionary<string, SchemaNode> definitions, Dictionary<string, (string, bool)> kinds)
    {
        KubernetesVersion = version;
        _definitions = definitions;
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
        using (var doc = JsonDocument.Parse(stream))
        {
            var definitions = doc.RootElement.GetProperty("definitions").EnumerateObject()
                .ToDictionary(p => p.Name, p => SchemaParser.FromJson(p.Value), StringComparer.Ordinal);
            var kinds = doc.RootElement.GetProperty("kinds").EnumerateObject()
                .ToDictionary(p => p.Name, p => (p.Value.GetProperty("definition").GetString()!, p.Value.GetProperty("namespaced").GetBoolean()), StringComparer.Ordinal);
            return new BuiltinSchemas(doc.RootElement.GetProperty("kubernetesVersion").GetString()!, definitions, kinds);
        }
    }

    public SchemaNode? Definition(string name) => _definitions.GetValueOrDefault(name);

    public SchemaNode ObjectMeta => _definitions["io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"];

    public KindSchema? Find(string apiVersion, string kind)
    {
        return _kinds.TryGetValue($"{apiVersion}/{kind}", out var k)
            ? new KindSchema(apiVersion, kind, _definitions[k.Definition], k.Namespaced, $"Kubernetes {KubernetesVersion}")
            : null;
    }

    /// <summary>The versions of a group that serve <paramref name="kind"/>, e.g. ["v1"] for policy PodDisruptionBudget.</summary>
    public IReadOnlyList<string> VersionsOf(string group, string kind) =>
        [.. _kinds.Keys
            .Select(k => k.Split('/'))
            .Where(p => (p.Length == 3 && p[0] == group && p[2] == kind) || (group.Length == 0 && p.Length == 2 && p[1] == kind))
            .Select(p => p.Length == 3 ? $"{p[0]}/{p[1]}" : p[0])];
}
