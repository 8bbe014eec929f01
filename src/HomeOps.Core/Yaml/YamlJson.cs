using System.Globalization;
using System.Text.Json.Nodes;

namespace HomeOps.Core.Yaml;

/// <summary>Positioned YAML to JSON (core-schema scalars), for manifests sent to the API server or to helm.</summary>
public static class YamlJson
{
    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMapping m => new JsonObject(m.Entries.Select(e => KeyValuePair.Create(e.Key.Value, ToJson(e.Value)))),
        YamlSequence s => new JsonArray([.. s.Items.Select(ToJson)]),
        YamlScalar s => Scalar(s),
        _ => null,
    };

    private static JsonNode? Scalar(YamlScalar s) => ScalarKinds.Classify(s) switch
    {
        ScalarKind.Null => null,
        ScalarKind.Boolean => JsonValue.Create(s.Value is "true" or "True" or "TRUE"),
        ScalarKind.Integer when long.TryParse(s.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
        ScalarKind.Float when double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        _ => JsonValue.Create(s.Value),
    };
}
