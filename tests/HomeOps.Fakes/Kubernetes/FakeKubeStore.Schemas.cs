using System.Text.Json.Nodes;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Schema;
using HomeOps.Core.Yaml;

namespace HomeOps.Fakes.Kubernetes;

/// <summary>
/// Custom resources judged against their CRD's openAPIV3Schema with the repository's one schema engine
/// (HomeOps.Core.Schema, the validator `homeops validate` uses). As kube-apiserver with the default
/// fieldValidation=Warn: unknown fields are pruned (apiextensions-apiserver pkg/apiserver/customresource_handler.go:1311
/// unstructuredSchemaCoercer.apply), and a wrong type, a missing required field or a value outside an enum is a 422
/// Invalid naming the field. fieldValidation=Strict turns unknown fields into a 400 "strict decoding error".
/// Not modelled: CEL rules, formats, patterns, min/max, defaults, nullable.
/// </summary>
public sealed partial class FakeKubeStore
{
    private static readonly Lazy<BuiltinSchemas?> s_builtin = new(() => BuiltinSchemas.Load("1.31"));
    private readonly Dictionary<string, KindSchema> _schemas = new(StringComparer.Ordinal);

    private void AddSchemas(JsonObject crd)
    {
        var bag = new DiagnosticBag();
        if (YamlReader.ReadSingle(crd.ToJsonString(), "crd", bag) is not YamlMapping yaml)
        {
            return;
        }

        var registry = new SchemaRegistry(null);
        registry.AddCrd(yaml, FakeKubeStore.NameOf(crd));
        var group = crd["spec"]!["group"]!.GetValue<string>();
        var kind = crd["spec"]!["names"]!["kind"]!.GetValue<string>();
        foreach (var version in (crd["spec"]!["versions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (registry.Find($"{group}/{version["name"]}", kind) is { } schema)
            {
                _schemas[$"{group}/{version["name"]}/{kind}"] = schema;
            }
        }
    }

    /// <summary>Prunes unknown fields and refuses what does not fit the schema; null mode means "Ignore" (internal writes).</summary>
    private void CheckSchema(FakeResourceType type, JsonObject obj, string name, string? fieldValidation)
    {
        if (!type.IsCustom || type.Kind == "CustomResourceDefinition" || !_schemas.TryGetValue($"{type.ApiVersion}/{type.Kind}", out var schema))
        {
            return;
        }

        var bag = new DiagnosticBag();
        if (YamlReader.ReadSingle(obj.ToJsonString(), "body", bag) is not YamlMapping yaml)
        {
            return;
        }

        var violations = new SchemaValidator(s_builtin.Value).Validate(yaml, schema);
        var unknown = violations.Where(v => v.Kind == ViolationKind.UnknownField).ToList();
        if (unknown.Count > 0 && fieldValidation == "Strict")
        {
            throw new FakeKubeException(KubeStatus.Failure(400, "BadRequest",
                "strict decoding error: " + string.Join(", ", unknown.Select(u => $"unknown field \"{Dotted(u.Path)}\""))));
        }

        foreach (var u in unknown)
        {
            Prune(obj, u.Path);
        }

        var errors = violations.Where(v => v.Kind != ViolationKind.UnknownField).Select(v => ToFieldError(v, obj, schema.Root)).ToList();
        if (errors.Count > 0)
        {
            throw FieldError.Invalid(type, name, errors);
        }
    }

    private static FieldError ToFieldError(SchemaViolation v, JsonObject obj, SchemaNode root)
    {
        var path = Dotted(v.Path);
        switch (v.Kind)
        {
            case ViolationKind.MissingRequired:
                // The validator reports "'x' is required" at the parent; the server names the missing field itself.
                var field = v.Message.Split('\'')[1];
                return FieldError.Required(path.Length == 0 ? field : $"{path}.{field}");
            case ViolationKind.NotAllowedValue:
                var allowed = At(root, v.Path)?.Enum ?? [];
                return FieldError.NotSupported(path, ValueAt(obj, v.Path)?.ToString() ?? string.Empty, allowed);
            default:
                // kube-openapi: `spec.x: Invalid value: "string": spec.x in body must be of type integer: "string"`.
                var actual = JsonTypeOf(ValueAt(obj, v.Path));
                var expected = At(root, v.Path)?.Type ?? "object";
                return FieldError.Invalid(path, actual, $"{path} in body must be of type {expected}: \"{actual}\"");
        }
    }

    private static SchemaNode? At(SchemaNode root, IReadOnlyList<object> path)
    {
        var node = root;
        foreach (var step in path)
        {
            node = step is int ? node?.Items
                : node?.Properties?.GetValueOrDefault((string)step) ?? node?.Additional;
        }

        return node;
    }

    private static JsonNode? ValueAt(JsonObject obj, IReadOnlyList<object> path)
    {
        JsonNode? node = obj;
        foreach (var step in path)
        {
            node = step is int i ? (node as JsonArray)?[i] : (node as JsonObject)?[(string)step];
        }

        return node;
    }

    private static void Prune(JsonObject obj, IReadOnlyList<object> path)
    {
        if (path.Count == 0 || ValueAt(obj, path.Take(path.Count - 1).ToList()) is not JsonObject parent)
        {
            return;
        }

        parent.Remove((string)path[^1]);
    }

    private static string JsonTypeOf(JsonNode? node) => node switch
    {
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v when v.TryGetValue<string>(out _) => "string",
        JsonValue v when v.TryGetValue<bool>(out _) => "boolean",
        JsonValue v when v.TryGetValue<long>(out _) => "integer",
        JsonValue => "number",
        _ => "null",
    };

    private static string Dotted(IReadOnlyList<object> path) =>
        string.Concat(path.Select((p, i) => p is int n ? $"[{n}]" : (i == 0 ? "" : ".") + p));
}
