using System.Text.Json;
using HomeOps.Core.Talos.Documents;

namespace HomeOps.Core.Schema;

/// <summary>
/// The Talos v1.10 machine-config JSON schema (siderolabs/talos website/content/v1.10/schemas/config.schema.json,
/// MPL-2.0), embedded in HomeOps so users need nothing else. It describes the v1alpha1 document and every other
/// document kind (UserVolumeConfig, ExtensionServiceConfig, ...).
/// </summary>
public sealed class TalosSchema
{
    public const string ResourceName = "HomeOps.Core.Talos.Schema.talos-v1.10-config.schema.json";

    private static readonly Lazy<TalosSchema> s_embedded = new(() =>
    {
        using var stream = typeof(TalosSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing");
        using var json = JsonDocument.Parse(stream);
        return new TalosSchema(json.RootElement);
    });

    private readonly Dictionary<string, SchemaNode> _definitions = new(StringComparer.Ordinal);
    private readonly Dictionary<(string ApiVersion, string Kind), string> _kinds = [];

    private TalosSchema(JsonElement root)
    {
        Id = root.GetProperty("$id").GetString() ?? string.Empty;
        foreach (var definition in root.GetProperty("$defs").EnumerateObject())
        {
            _definitions[definition.Name] = SchemaParser.FromTalosJson(definition.Value, "#/$defs/" + definition.Name);
        }

        foreach (var option in root.GetProperty("oneOf").EnumerateArray())
        {
            var name = option.GetProperty("$ref").GetString()!["#/$defs/".Length..];
            var node = _definitions[name];
            if (node.Property("kind")?.Enum is [var kind] && node.Property("apiVersion")?.Enum is [var apiVersion])
            {
                _kinds[(apiVersion, kind)] = name;
            }
        }
    }

    public static TalosSchema Embedded => s_embedded.Value;

    public string Id { get; }

    /// <summary>The v1alpha1 document (machine, cluster, ...): the only one without apiVersion and kind.</summary>
    public SchemaNode V1Alpha1 => _definitions["v1alpha1.Config"];

    /// <summary>Every (apiVersion, kind) pair of the multi-document kinds, e.g. (v1alpha1, UserVolumeConfig).</summary>
    public IEnumerable<(string ApiVersion, string Kind)> DocumentKinds => _kinds.Keys.OrderBy(k => k.Kind, StringComparer.Ordinal);

    public SchemaNode? ForKind(string apiVersion, string kind) =>
        _kinds.TryGetValue((apiVersion, kind), out var name) ? _definitions[name] : null;

    /// <summary>The schema for <paramref name="document"/>, or null when its kind is unknown.</summary>
    public SchemaNode? For(DocMap document) => TalosDocument.IsV1Alpha1(document)
        ? V1Alpha1
        : document.StringAt("apiVersion") is { } apiVersion && document.StringAt("kind") is { } kind ? ForKind(apiVersion, kind) : null;

    /// <summary>Follows $ref chains to the node that holds the keywords.</summary>
    public SchemaNode Resolve(SchemaNode node)
    {
        var guard = 0;
        while (node.Ref is { } reference && guard++ < 32)
        {
            node = _definitions[reference["#/$defs/".Length..]];
        }

        return node;
    }
}
