using System.Text.Json;
using System.Text.RegularExpressions;

namespace HomeOps.Core.Talos.Schema;

/// <summary>
/// One JSON Schema (draft 2020-12) node of the Talos machine-config schema. Only the keywords that schema uses are
/// supported; loading fails on any other, so a newer schema cannot be half-understood silently.
/// </summary>
public sealed class SchemaNode
{
    private static readonly HashSet<string> s_annotations = new(StringComparer.Ordinal)
    {
        "title", "description", "markdownDescription", "x-intellij-html-description", "$schema", "$id", "$defs",
    };

    public string? Ref { get; private init; }

    public IReadOnlySet<string> Types { get; private init; } = new HashSet<string>();

    /// <summary>Named properties in schema order, which is Talos's Go struct field order.</summary>
    public IReadOnlyList<KeyValuePair<string, SchemaNode>> Properties { get; private init; } = [];

    /// <summary>False for "additionalProperties: false"; a schema for an additionalProperties schema; null when unrestricted.</summary>
    public bool AdditionalPropertiesAllowed { get; private init; } = true;

    public SchemaNode? AdditionalProperties { get; private init; }

    public IReadOnlyList<KeyValuePair<Regex, SchemaNode>> PatternProperties { get; private init; } = [];

    public SchemaNode? Items { get; private init; }

    public IReadOnlyList<string>? Enum { get; private init; }

    public IReadOnlyList<string> Required { get; private init; } = [];

    public Regex? Pattern { get; private init; }

    public IReadOnlyList<SchemaNode> OneOf { get; private init; } = [];

    public string? Description { get; private init; }

    /// <summary>The "format" of a string; only "uri" occurs in the Talos schema, and it is checked.</summary>
    public string? Format { get; private init; }

    public SchemaNode? Property(string name)
    {
        foreach (var property in Properties)
        {
            if (string.Equals(property.Key, name, StringComparison.Ordinal))
            {
                return property.Value;
            }
        }

        return null;
    }

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

        return AdditionalProperties;
    }

    public static SchemaNode Parse(JsonElement element, string pointer)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"Schema node {pointer} is not an object");
        }

        string? reference = null;
        var types = new HashSet<string>(StringComparer.Ordinal);
        var properties = new List<KeyValuePair<string, SchemaNode>>();
        var additionalAllowed = true;
        SchemaNode? additional = null;
        var patterns = new List<KeyValuePair<Regex, SchemaNode>>();
        SchemaNode? items = null;
        List<string>? enumValues = null;
        var required = new List<string>();
        Regex? pattern = null;
        var oneOf = new List<SchemaNode>();
        string? description = null;
        string? format = null;
        foreach (var keyword in element.EnumerateObject())
        {
            var at = pointer + "/" + keyword.Name;
            switch (keyword.Name)
            {
                case "$ref":
                    reference = keyword.Value.GetString();
                    break;
                case "type":
                    if (keyword.Value.ValueKind == JsonValueKind.Array)
                    {
                        types.UnionWith(keyword.Value.EnumerateArray().Select(t => t.GetString()!));
                    }
                    else
                    {
                        types.Add(keyword.Value.GetString()!);
                    }

                    break;
                case "properties":
                    properties.AddRange(keyword.Value.EnumerateObject().Select(p => new KeyValuePair<string, SchemaNode>(p.Name, Parse(p.Value, at + "/" + p.Name))));
                    break;
                case "additionalProperties":
                    if (keyword.Value.ValueKind is JsonValueKind.False or JsonValueKind.True)
                    {
                        additionalAllowed = keyword.Value.GetBoolean();
                    }
                    else
                    {
                        additional = Parse(keyword.Value, at);
                    }

                    break;
                case "patternProperties":
                    patterns.AddRange(keyword.Value.EnumerateObject().Select(p =>
                        new KeyValuePair<Regex, SchemaNode>(new Regex(p.Name, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), Parse(p.Value, at + "/" + p.Name))));
                    break;
                case "items":
                    items = Parse(keyword.Value, at);
                    break;
                case "enum":
                    enumValues = [.. keyword.Value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText())];
                    break;
                case "required":
                    required.AddRange(keyword.Value.EnumerateArray().Select(v => v.GetString()!));
                    break;
                case "pattern":
                    pattern = new Regex(keyword.Value.GetString()!, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                    break;
                case "oneOf":
                    oneOf.AddRange(keyword.Value.EnumerateArray().Select((v, i) => Parse(v, $"{at}/{i}")));
                    break;
                case "format":
                    format = keyword.Value.GetString();
                    if (format != "uri")
                    {
                        throw new InvalidDataException($"Schema format '{format}' at {at} is not supported by HomeOps's Talos schema validator");
                    }

                    break;
                case "description":
                    description = keyword.Value.GetString();
                    break;
                default:
                    if (!s_annotations.Contains(keyword.Name))
                    {
                        throw new InvalidDataException($"Schema keyword '{keyword.Name}' at {at} is not supported by HomeOps's Talos schema validator");
                    }

                    break;
            }
        }

        return new SchemaNode
        {
            Ref = reference,
            Types = types,
            Properties = properties,
            AdditionalPropertiesAllowed = additionalAllowed,
            AdditionalProperties = additional,
            PatternProperties = patterns,
            Items = items,
            Enum = enumValues,
            Required = required,
            Pattern = pattern,
            OneOf = oneOf,
            Description = description,
            Format = format,
        };
    }
}
