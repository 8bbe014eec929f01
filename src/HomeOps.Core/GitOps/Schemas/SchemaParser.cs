using System.Text.Json;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.Schemas;

/// <summary>Reads schema nodes from the embedded built-in JSON document and from CRD openAPIV3Schema YAML.</summary>
public static class SchemaParser
{
    public static SchemaNode FromJson(JsonElement e)
    {
        var additional = e.TryGetProperty("additionalProperties", out var ap) ? ap : default;
        return new SchemaNode
        {
            Type = e.TryGetProperty("type", out var t) ? t.GetString() : null,
            Format = e.TryGetProperty("format", out var f) ? f.GetString() : null,
            Ref = e.TryGetProperty("$ref", out var r) ? r.GetString() : null,
            Properties = e.TryGetProperty("properties", out var p)
                ? p.EnumerateObject().ToDictionary(x => x.Name, x => FromJson(x.Value), StringComparer.Ordinal)
                : null,
            Required = e.TryGetProperty("required", out var req) ? [.. req.EnumerateArray().Select(x => x.GetString()!)] : [],
            Items = e.TryGetProperty("items", out var items) ? FromJson(items) : null,
            Additional = additional.ValueKind == JsonValueKind.Object ? FromJson(additional) : null,
            AdditionalAllowed = additional.ValueKind is JsonValueKind.Object or JsonValueKind.True,
            PreserveUnknown = e.TryGetProperty("x-kubernetes-preserve-unknown-fields", out var pu) && pu.ValueKind == JsonValueKind.True,
            IntOrString = e.TryGetProperty("x-kubernetes-int-or-string", out var ios) && ios.ValueKind == JsonValueKind.True
                || (e.TryGetProperty("format", out var fmt) && fmt.GetString() == "int-or-string"),
        };
    }

    public static SchemaNode FromYaml(YamlNode? node)
    {
        if (node is not YamlMapping m)
        {
            return new SchemaNode { PreserveUnknown = true };
        }

        var additional = m["additionalProperties"];
        return new SchemaNode
        {
            Type = m.Str("type"),
            Format = m.Str("format"),
            Properties = m.Map("properties") is { } props
                ? props.Entries.ToDictionary(x => x.Key.Value, x => FromYaml(x.Value), StringComparer.Ordinal)
                : null,
            Required = [.. m.Seq("required").OfType<YamlScalar>().Select(s => s.Value)],
            Items = m["items"] is YamlMapping items ? FromYaml(items) : null,
            Additional = additional is YamlMapping a ? FromYaml(a) : null,
            AdditionalAllowed = additional is YamlMapping || additional.Bool() == true,
            PreserveUnknown = m.Bool("x-kubernetes-preserve-unknown-fields") == true,
            IntOrString = m.Bool("x-kubernetes-int-or-string") == true,
            Enum = m["enum"] is YamlSequence e ? [.. e.Items.OfType<YamlScalar>().Select(s => s.Value)] : null,
            HasAlternatives = m["anyOf"] is not null || m["oneOf"] is not null || m["allOf"] is not null,
        };
    }
}
