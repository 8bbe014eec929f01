using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HomeOps.Core.Status;

/// <summary>Reads the fields of Kubernetes objects as the API returns them (JSON), tolerating anything missing.</summary>
public static class ObjectFields
{
    public static string NameOf(JsonObject o) => Str(o, "metadata", "name") ?? string.Empty;

    public static string? NamespaceOf(JsonObject o) => Str(o, "metadata", "namespace");

    /// <summary>"namespace/name", or the name alone for cluster-scoped objects.</summary>
    public static string KeyOf(JsonObject o) => NamespaceOf(o) is { } ns ? $"{ns}/{NameOf(o)}" : NameOf(o);

    public static JsonNode? At(JsonNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            node = node is JsonObject obj ? obj[key] : null;
        }

        return node;
    }

    /// <summary>A string field; numbers and booleans are given as their JSON text.</summary>
    public static string? Str(JsonNode? node, params string[] path) => At(node, path) switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value => value.ToJsonString(),
        _ => null,
    };

    public static long? Number(JsonNode? node, params string[] path) =>
        At(node, path) is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var n) ? n
        : long.TryParse(Str(node, path), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;

    public static bool? Bool(JsonNode? node, params string[] path) =>
        At(node, path) is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? value.GetValue<bool>() : null;

    public static IReadOnlyList<JsonObject> Objects(JsonNode? node, params string[] path) =>
        At(node, path) is JsonArray array ? [.. array.OfType<JsonObject>()] : [];

    /// <summary>The strings of a list field; other entries are left out.</summary>
    public static IReadOnlyList<string> Strings(JsonNode? node, params string[] path) =>
        At(node, path) is JsonArray array ? [.. array.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>())] : [];

    /// <summary>An RFC 3339 time field, or null.</summary>
    public static DateTimeOffset? Time(JsonNode? node, params string[] path) =>
        DateTimeOffset.TryParse(Str(node, path), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    /// <summary>The condition of a type in status.conditions (or another list of conditions), or null.</summary>
    public static Condition? ConditionOf(JsonObject o, string type, params string[] conditionsPath)
    {
        var path = conditionsPath.Length == 0 ? ["status", "conditions"] : conditionsPath;
        var c = Objects(o, path).FirstOrDefault(c => Str(c, "type") == type);
        return c is null ? null : new Condition(type, Str(c, "status") ?? "Unknown", Str(c, "reason") ?? string.Empty, Str(c, "message") ?? string.Empty, Time(c, "lastTransitionTime"));
    }
}

/// <summary>A status condition: type, status ("True", "False", "Unknown"), reason and message.</summary>
public sealed record Condition(string Type, string Status, string Reason, string Message, DateTimeOffset? LastTransition)
{
    public bool IsTrue => Status == "True";
}
