using System.Globalization;
using System.Text.Json.Nodes;
using HomeOps.Core.Diagnostics;

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

    /// <summary>JSON to YAML nodes for <see cref="YamlWriter"/>: strings quoted when they would read as something else, numbers and booleans plain.</summary>
    public static YamlNode FromJson(JsonNode? node, SourceSpan at) => node switch
    {
        JsonObject o => new YamlMapping(at, [.. o.Select(p => new YamlEntry(new YamlScalar(at, p.Key, false, null), FromJson(p.Value, at)))]),
        JsonArray a => new YamlSequence(at, [.. a.Select(i => FromJson(i, at))]),
        JsonValue v when v.TryGetValue<string>(out var text) => new YamlScalar(at, text, false, null),
        JsonValue v => new YamlScalar(at, v.ToJsonString(), true, null),
        _ => new YamlScalar(at, "null", true, null),
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
