using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HomeOps.Fakes.Kubernetes;

/// <summary>Numbers as objects hold them: parsed JSON, YAML read as long, or ints a test wrote; null when absent or not a number.</summary>
public static class JsonNumbers
{
    public static long? Long(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            ? (long)decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
            : null;

    public static int? Int(JsonNode? node) => Long(node) is { } l ? (int)l : null;
}
