using System.Text.RegularExpressions;

namespace HomeOps.Core.Schema;

/// <summary>
/// One node of a schema, read by <see cref="SchemaParser"/> from any of the schemas HomeOps checks against:
/// Kubernetes' built-in definitions (OpenAPI v2), CRD structural schemas (OpenAPI v3), a chart's values.schema.json
/// and the Talos machine-config schema (JSON Schema). Each reader fills what its source has; a keyword a reader does
/// not know leaves the default, which allows anything.
/// </summary>
public sealed class SchemaNode
{
    private static readonly IReadOnlyDictionary<string, SchemaNode> s_noProperties = new Dictionary<string, SchemaNode>();

    /// <summary>The allowed types ("object", "string", …); empty when any type is allowed.</summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>The one allowed type, or null when there are none or several.</summary>
    public string? Type
    {
        get => Types.Count == 1 ? Types[0] : null;
        init => Types = value is null ? [] : [value];
    }

    public string? Format { get; init; }

    /// <summary>A reference to another definition: an OpenAPI definition name or a Talos "#/$defs/…" pointer.</summary>
    public string? Ref { get; init; }

    /// <summary>Named properties in schema order (Talos's Go struct field order); null when the schema lists none.</summary>
    public IReadOnlyDictionary<string, SchemaNode>? Properties { get; init; }

    public IReadOnlyList<KeyValuePair<Regex, SchemaNode>> PatternProperties { get; init; } = [];

    public IReadOnlyList<string> Required { get; init; } = [];

    public SchemaNode? Items { get; init; }

    /// <summary>The schema of a map's values; <see cref="AdditionalAllowed"/> says whether unknown keys are allowed at all.</summary>
    public SchemaNode? Additional { get; init; }

    public bool AdditionalAllowed { get; init; }

    public bool PreserveUnknown { get; init; }

    public bool IntOrString { get; init; }

    public IReadOnlyList<string>? Enum { get; init; }

    public Regex? Pattern { get; init; }

    /// <summary>oneOf alternatives the value must fit one of (checked by the Talos validator).</summary>
    public IReadOnlyList<SchemaNode> OneOf { get; init; } = [];

    /// <summary>anyOf/oneOf/allOf alternatives: validation of this node's type is relaxed when present.</summary>
    public bool HasAlternatives { get; init; }

    public string? Description { get; init; }

    /// <summary>Properties are listed and nothing else is allowed: unknown keys are errors.</summary>
    public bool IsClosed => Properties is not null && !AdditionalAllowed && !PreserveUnknown;

    /// <summary>The listed properties (none when the schema lists none).</summary>
    public IReadOnlyDictionary<string, SchemaNode> PropertiesOrEmpty => Properties ?? s_noProperties;

    public SchemaNode? Property(string name) => Properties is not null && Properties.TryGetValue(name, out var node) ? node : null;

    /// <summary>The schema for the value of <paramref name="key"/> in a mapping described by this node.</summary>
    public SchemaNode? ValueSchema(string key)
    {
        if (Property(key) is { } named)
        {
            return named;
        }

        foreach (var (pattern, schema) in PatternProperties)
        {
            if (pattern.IsMatch(key))
            {
                return schema;
            }
        }

        return Additional;
    }
}
