using System.Text.Json.Nodes;

namespace HomeOps.Core.Secrets;

public static partial class SecretMasker
{
    /// <summary>
    /// A JSON value with every secret masked: a Secret's data and stringData, credential fields by name, and every
    /// string through <see cref="MaskText"/>. Returns a new node; the argument is not changed.
    /// </summary>
    public static JsonNode? MaskJson(JsonNode? node) => node switch
    {
        JsonObject obj => MaskObject(obj),
        JsonArray array => new JsonArray([.. array.Select(MaskJson)]),
        JsonValue value when value.TryGetValue<string>(out var s) => JsonValue.Create(MaskText(s)),
        null => null,
        _ => node.DeepClone(),
    };

    private static JsonObject MaskObject(JsonObject obj)
    {
        var isSecret = obj["kind"] is JsonValue kind && kind.TryGetValue<string>(out var k) && k == "Secret";
        var result = new JsonObject();
        foreach (var (name, value) in obj)
        {
            if (isSecret && name is "data" or "stringData" && value is JsonObject entries)
            {
                result[name] = new JsonObject(entries.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)(e.Value is null ? null : JsonValue.Create(Mask)))));
            }
            else if (value is JsonValue scalar && scalar.TryGetValue<string>(out var text) && IsCredentialKey(name, text) && !IsHarmless(text))
            {
                result[name] = Mask;
            }
            else if (value is JsonObject or JsonArray && name is "encCredentials" or "uniqueKey" or "verifier")
            {
                // 1Password Connect's credentials file: encCredentials, uniqueKey and verifier are objects.
                result[name] = Mask;
            }
            else
            {
                result[name] = MaskJson(value);
            }
        }

        return result;
    }
}
