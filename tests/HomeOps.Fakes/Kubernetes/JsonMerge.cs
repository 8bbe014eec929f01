using System.Text.Json.Nodes;

namespace HomeOps.Fakes.Kubernetes;

/// <summary>The two patch semantics the fake implements: JSON merge patch (RFC 7386) and simplified apply.</summary>
public static class JsonMerge
{
    /// <summary>RFC 7386: objects merge recursively, null deletes a key, anything else replaces.</summary>
    public static JsonNode? MergePatch(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject t ? (JsonObject)t.DeepClone() : [];
        foreach (var (key, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(key);
            }
            else
            {
                result[key] = MergePatch(result[key], value);
            }
        }

        return result;
    }

    /// <summary>
    /// Server-side apply without field ownership: maps merge, lists are replaced whole (the default for custom
    /// resources without x-kubernetes-list-type), scalars replace. Fields the intent omits are kept.
    /// </summary>
    public static JsonNode? Apply(JsonNode? live, JsonNode? intent)
    {
        if (intent is JsonObject intentObject && live is JsonObject liveObject)
        {
            var result = (JsonObject)liveObject.DeepClone();
            foreach (var (key, value) in intentObject)
            {
                result[key] = value is null ? null : Apply(result[key], value);
            }

            return result;
        }

        return intent?.DeepClone();
    }

    /// <summary>Structural equality of two JSON values (key order ignored).</summary>
    public static bool Same(JsonNode? a, JsonNode? b) => JsonNode.DeepEquals(a, b);
}
