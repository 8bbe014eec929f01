using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HomeOps.Fakes.Kubernetes;

/// <summary>
/// The checks kube-apiserver makes before it accepts a CustomResourceDefinition (apiextensions.k8s.io/v1), the subset
/// a hand-written or mis-rendered CRD trips over. Texts and paths follow apiextensions-apiserver v0.31
/// pkg/apis/apiextensions/validation/validation.go (ValidateCustomResourceDefinition, validateCustomResourceDefinitionSpec,
/// ValidateCustomResourceDefinitionNames) and pkg/apiserver/schema/validation.go (validateStructuralInvariants).
/// Defaults the server fills first (singular, listKind) are filled here too. Not checked: CEL rules, defaults
/// against the schema, conversion webhooks, printer columns, selectable fields, the x-kubernetes-list-* rules.
/// </summary>
public static partial class CrdValidation
{
    public static IReadOnlyList<FieldError> Validate(JsonObject crd)
    {
        var errors = new List<FieldError>();
        var spec = crd["spec"] as JsonObject ?? [];
        var names = spec["names"] as JsonObject ?? [];
        var group = Text(spec["group"]);
        var plural = Text(names["plural"]);
        var kind = Text(names["kind"]);
        var name = Text(crd["metadata"]?["name"]);
        if (name != $"{plural}.{group}")
        {
            errors.Add(FieldError.Invalid("metadata.name", name, "must be spec.names.plural+\".\"+spec.group"));
        }

        if (group.Length == 0)
        {
            errors.Add(FieldError.Required("spec.group"));
        }
        else if (!group.Contains('.', StringComparison.Ordinal))
        {
            errors.Add(FieldError.Invalid("spec.group", group, "should be a domain with at least one dot"));
        }

        var scope = Text(spec["scope"]);
        if (scope.Length == 0)
        {
            errors.Add(FieldError.Required("spec.scope"));
        }
        else if (scope is not ("Cluster" or "Namespaced"))
        {
            errors.Add(FieldError.NotSupported("spec.scope", scope, ["Cluster", "Namespaced"]));
        }

        if (plural.Length == 0)
        {
            errors.Add(FieldError.Required("spec.names.plural"));
        }
        else if (!Dns1035Label().IsMatch(plural))
        {
            errors.Add(FieldError.Invalid("spec.names.plural", plural, "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"));
        }

        if (kind.Length == 0)
        {
            errors.Add(FieldError.Required("spec.names.kind"));
        }

        Versions(spec, errors);
        return errors;
    }

    private static void Versions(JsonObject spec, List<FieldError> errors)
    {
        var versions = (spec["versions"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (versions.Count == 0)
        {
            errors.Add(FieldError.Required("spec.versions"));
            return;
        }

        if (versions.Select(v => Text(v["name"])).Distinct(StringComparer.Ordinal).Count() != versions.Count)
        {
            errors.Add(FieldError.InvalidObject("spec.versions", spec["versions"], "must contain unique version names"));
        }

        if (versions.Count(v => v["storage"]?.GetValue<bool>() == true) != 1)
        {
            errors.Add(FieldError.InvalidObject("spec.versions", spec["versions"], "must have exactly one version marked as storage version"));
        }

        for (var i = 0; i < versions.Count; i++)
        {
            var path = $"spec.versions[{i}].schema.openAPIV3Schema";
            if (versions[i]["schema"]?["openAPIV3Schema"] is not JsonObject schema)
            {
                errors.Add(FieldError.Required(path, "schemas are required"));
                continue;
            }

            Structural(schema, path, Level.Root, errors);
        }
    }

    private enum Level
    {
        Root,
        Item,
        Field,
    }

    private static void Structural(JsonObject s, string path, Level level, List<FieldError> errors)
    {
        var type = Text(s["type"]);
        if (type == "array" && s["items"] is null)
        {
            errors.Add(FieldError.Required(path + ".items", "must be specified"));
        }

        if (s["items"] is JsonObject items)
        {
            Structural(items, path + ".items", Level.Item, errors);
        }

        foreach (var (key, property) in s["properties"] as JsonObject ?? [])
        {
            if (property is JsonObject p)
            {
                Structural(p, $"{path}.properties[{key}]", Level.Field, errors);
            }
        }

        if (s["additionalProperties"] is JsonObject additional)
        {
            if (level == Level.Root)
            {
                errors.Add(FieldError.Forbidden(path + ".additionalProperties", "must not be used at the root"));
            }

            Structural(additional, path + ".additionalProperties", Level.Field, errors);
        }

        var intOrString = s["x-kubernetes-int-or-string"]?.GetValue<bool>() == true;
        var preserve = s["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() == true;
        if (type.Length == 0 && !intOrString && !preserve)
        {
            errors.Add(FieldError.Required(path + ".type", level switch
            {
                Level.Root => "must not be empty at the root",
                Level.Item => "must not be empty for specified array items",
                _ => "must not be empty for specified object fields",
            }));
        }

        if (level == Level.Root && type.Length > 0 && type != "object")
        {
            errors.Add(FieldError.Invalid(path + ".type", type, "must be object at the root"));
        }
    }

    private static string Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : string.Empty;

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1035Label();
}
