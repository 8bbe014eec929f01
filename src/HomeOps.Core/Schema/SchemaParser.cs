using System.Text.Json;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.Schema;

/// <summary>
/// Reads schema nodes, for the one <see cref="SchemaValidator"/>: Kubernetes' built-in definitions (OpenAPI JSON), CRD
/// openAPIV3Schema YAML, and a Helm chart's values.schema.json (JSON Schema).
/// </summary>
public static partial class SchemaParser
{
    private const int MaxDepth = 64;

    /// <summary>
    /// A built-in definition (OpenAPI): <c>$ref</c> names another definition (resolved by <see cref="BuiltinSchemas"/>),
    /// and an object without <c>additionalProperties</c> is closed, as the API server's strict field validation has it.
    /// </summary>
    public static SchemaNode FromJson(JsonElement e) => Read(e, null);

    /// <summary>
    /// A chart's values.schema.json (JSON Schema, drafts 4 to 2020-12, as helm checks it): local <c>$ref</c> pointers are
    /// resolved, <c>type</c> may be a list, an object allows keys it does not list unless <c>additionalProperties</c> is
    /// false, and <c>anyOf</c>/<c>oneOf</c>/<c>allOf</c> relax the node. Keywords the validator does not know
    /// (minimum, pattern, …) are ignored, so what it cannot express passes. Null when the text is not a JSON object.
    /// </summary>
    public static SchemaNode? FromJsonSchema(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object ? Read(root, new JsonSchemaDocument(root)) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <param name="document">Null for OpenAPI definitions; the document being read for JSON Schema.</param>
    private static SchemaNode Read(JsonElement e, JsonSchemaDocument? document, int depth = 0)
    {
        if (document is not null)
        {
            if (e.ValueKind != JsonValueKind.Object || depth > MaxDepth)
            {
                return new SchemaNode { PreserveUnknown = true };
            }

            if (e.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String)
            {
                return document.Resolve(reference.GetString()!, target => Read(target, document, depth + 1));
            }
        }

        var types = !e.TryGetProperty("type", out var t) ? []
            : t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.GetString()).OfType<string>().Where(x => x != "null").ToList()
            : t.GetString() is { } single && (document is null || single != "null") ? [single] : [];
        var enumElement = document is not null && e.TryGetProperty("enum", out var en) && en.ValueKind == JsonValueKind.Array ? en : default;
        var enumValues = enumElement.ValueKind == JsonValueKind.Array
            && enumElement.EnumerateArray().All(x => x.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
            ? enumElement.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : x.GetRawText()).ToList()
            : null;

        // An enum of strings without a type is a string enum: the validator checks enums on typed scalars.
        if (types.Count == 0 && enumValues is { Count: > 0 } && enumElement.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String))
        {
            types = ["string"];
        }

        var additional = e.TryGetProperty("additionalProperties", out var ap) ? ap : default;
        return new SchemaNode
        {
            Type = types.Count == 1 ? types[0] : null,
            Format = e.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null,
            Ref = document is null && e.TryGetProperty("$ref", out var r) ? r.GetString() : null,
            Properties = e.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object
                ? p.EnumerateObject().ToDictionary(x => x.Name, x => Read(x.Value, document, depth + 1), StringComparer.Ordinal)
                : null,
            Required = e.TryGetProperty("required", out var req) && req.ValueKind == JsonValueKind.Array
                ? [.. req.EnumerateArray().Select(x => x.GetString()).OfType<string>()]
                : [],
            Items = e.TryGetProperty("items", out var items) && (document is null || items.ValueKind == JsonValueKind.Object) ? Read(items, document, depth + 1) : null,
            Additional = additional.ValueKind == JsonValueKind.Object ? Read(additional, document, depth + 1) : null,
            AdditionalAllowed = document is null ? additional.ValueKind is JsonValueKind.Object or JsonValueKind.True : additional.ValueKind != JsonValueKind.False,
            PreserveUnknown = e.TryGetProperty("x-kubernetes-preserve-unknown-fields", out var pu) && pu.ValueKind == JsonValueKind.True,
            IntOrString = e.TryGetProperty("x-kubernetes-int-or-string", out var ios) && ios.ValueKind == JsonValueKind.True
                || (e.TryGetProperty("format", out var fmt) && fmt.ValueKind == JsonValueKind.String && fmt.GetString() == "int-or-string"),
            Enum = enumValues,
            HasAlternatives = document is not null
                && (types.Count > 1 || e.TryGetProperty("anyOf", out _) || e.TryGetProperty("oneOf", out _) || e.TryGetProperty("allOf", out _)),
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

    /// <summary>
    /// A JSON Schema document's local <c>$ref</c>s ("#/$defs/x", "#/definitions/x", "#/properties/a"): each target is
    /// read once and shared; a reference back into a target being read (a recursive schema) and a remote reference
    /// read as "anything".
    /// </summary>
    private sealed class JsonSchemaDocument(JsonElement root)
    {
        private readonly Dictionary<string, SchemaNode?> _resolved = new(StringComparer.Ordinal);

        public SchemaNode Resolve(string pointer, Func<JsonElement, SchemaNode> read)
        {
            if (_resolved.TryGetValue(pointer, out var done))
            {
                return done ?? new SchemaNode { PreserveUnknown = true };
            }

            if (Find(pointer) is not { } target)
            {
                return new SchemaNode { PreserveUnknown = true };
            }

            _resolved[pointer] = null;
            var node = read(target);
            _resolved[pointer] = node;
            return node;
        }

        private JsonElement? Find(string pointer)
        {
            if (!pointer.StartsWith('#'))
            {
                return null;
            }

            var current = root;
            foreach (var raw in pointer[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                var token = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
                if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(token, out current))
                {
                    return null;
                }
            }

            return current;
        }
    }
}
