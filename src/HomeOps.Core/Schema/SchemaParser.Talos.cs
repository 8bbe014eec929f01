using System.Text.Json;
using System.Text.RegularExpressions;

namespace HomeOps.Core.Schema;

/// <summary>
/// The Talos machine-config schema (JSON Schema draft 2020-12). Only the keywords that schema uses are supported;
/// loading fails on any other, so a newer schema cannot be half-understood silently.
/// </summary>
public static partial class SchemaParser
{
    private static readonly HashSet<string> s_talosAnnotations = new(StringComparer.Ordinal)
    {
        "title", "description", "markdownDescription", "x-intellij-html-description", "$schema", "$id", "$defs",
    };

    public static SchemaNode FromTalosJson(JsonElement element, string pointer)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"Schema node {pointer} is not an object");
        }

        string? reference = null;
        var types = new HashSet<string>(StringComparer.Ordinal);
        OrderedDictionary<string, SchemaNode>? properties = null;
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
                    properties ??= new OrderedDictionary<string, SchemaNode>(StringComparer.Ordinal);
                    foreach (var p in keyword.Value.EnumerateObject())
                    {
                        properties[p.Name] = FromTalosJson(p.Value, at + "/" + p.Name);
                    }

                    break;
                case "additionalProperties":
                    if (keyword.Value.ValueKind is JsonValueKind.False or JsonValueKind.True)
                    {
                        additionalAllowed = keyword.Value.GetBoolean();
                    }
                    else
                    {
                        additional = FromTalosJson(keyword.Value, at);
                    }

                    break;
                case "patternProperties":
                    patterns.AddRange(keyword.Value.EnumerateObject().Select(p =>
                        new KeyValuePair<Regex, SchemaNode>(new Regex(p.Name, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), FromTalosJson(p.Value, at + "/" + p.Name))));
                    break;
                case "items":
                    items = FromTalosJson(keyword.Value, at);
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
                    oneOf.AddRange(keyword.Value.EnumerateArray().Select((v, i) => FromTalosJson(v, $"{at}/{i}")));
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
                    if (!s_talosAnnotations.Contains(keyword.Name))
                    {
                        throw new InvalidDataException($"Schema keyword '{keyword.Name}' at {at} is not supported by HomeOps's Talos schema validator");
                    }

                    break;
            }
        }

        return new SchemaNode
        {
            Ref = reference,
            Types = [.. types],
            Properties = properties,
            AdditionalAllowed = additionalAllowed,
            Additional = additional,
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
