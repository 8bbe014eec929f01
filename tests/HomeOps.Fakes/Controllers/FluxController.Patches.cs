using System.Globalization;
using System.Text.Json.Nodes;

namespace HomeOps.Fakes.Controllers;

/// <summary>
/// A Kustomization's spec.patches as kustomize applies them to what the Kustomization renders (Flux passes them to
/// kustomize's patches field): each patch applies to the objects its target selects (group, version, kind, name,
/// namespace; all given ones must match). Only JSON 6902 patches (a JSON list of operations) are modelled, with the
/// operations add, replace and remove as RFC 6902 defines them; a path that does not resolve fails as kustomize
/// fails. Strategic-merge patches, regular-expression names and label or annotation selectors are not modelled
/// and refused, so a test never passes on something the fake ignored.
/// </summary>
public sealed partial class FluxController
{
    /// <summary>The object as the Kustomization would apply it: a patched copy of <paramref name="obj"/>.</summary>
    public static JsonObject Render(JsonObject kustomization, JsonObject obj)
    {
        var result = (JsonObject)obj.DeepClone();
        foreach (var entry in (kustomization["spec"]?["patches"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (entry["target"] is not JsonObject target || !Selects(target, result))
            {
                continue;
            }

            if (JsonNode.Parse(entry["patch"]!.GetValue<string>()) is not JsonArray operations)
            {
                throw new NotSupportedException("The fake kustomize-controller models JSON 6902 patches only");
            }

            foreach (var op in operations.OfType<JsonObject>())
            {
                Apply(result, op["op"]!.GetValue<string>(), op["path"]!.GetValue<string>(), op["value"]);
            }
        }

        return result;
    }

    private static bool Selects(JsonObject target, JsonObject obj)
    {
        if (target["labelSelector"] is not null || target["annotationSelector"] is not null)
        {
            throw new NotSupportedException("The fake kustomize-controller does not model label or annotation selectors");
        }

        var apiVersion = obj["apiVersion"]?.GetValue<string>() ?? string.Empty;
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var actual = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["group"] = slash < 0 ? string.Empty : apiVersion[..slash],
            ["version"] = slash < 0 ? apiVersion : apiVersion[(slash + 1)..],
            ["kind"] = obj["kind"]?.GetValue<string>(),
            ["name"] = obj["metadata"]?["name"]?.GetValue<string>(),
            ["namespace"] = obj["metadata"]?["namespace"]?.GetValue<string>(),
        };
        return actual.All(a => target[a.Key]?.GetValue<string>() is not { } wanted || wanted == a.Value);
    }

    private static void Apply(JsonObject root, string op, string path, JsonNode? value)
    {
        var tokens = path.Split('/').Skip(1).Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToList();
        JsonNode parent = root;
        foreach (var token in tokens[..^1])
        {
            parent = (parent is JsonArray array ? array[Index(array, token, op, path, existing: true)] : parent[token])
                ?? throw new InvalidOperationException($"kustomize: {op} operation does not apply: doc is missing path: \"{path}\"");
        }

        var last = tokens[^1];
        if (parent is JsonArray list)
        {
            var at = last == "-" && op == "add" ? list.Count : Index(list, last, op, path, existing: op != "add");
            if (op != "add")
            {
                list.RemoveAt(at);
            }

            if (op != "remove")
            {
                list.Insert(at, value?.DeepClone());
            }

            return;
        }

        var members = (JsonObject)parent;
        if (op != "add" && !members.ContainsKey(last))
        {
            throw new InvalidOperationException($"kustomize: {op} operation does not apply: doc is missing key: \"{path}\"");
        }

        members.Remove(last);
        if (op != "remove")
        {
            members[last] = value?.DeepClone();
        }
    }

    private static int Index(JsonArray array, string token, string op, string path, bool existing)
    {
        var at = int.Parse(token, CultureInfo.InvariantCulture);
        return at < 0 || at > array.Count || (existing && at == array.Count)
            ? throw new InvalidOperationException($"kustomize: {op} operation does not apply: index out of range: \"{path}\"")
            : at;
    }
}
