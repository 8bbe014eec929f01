using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace HomeOps.Fakes.Programs;

/// <summary>
/// The 1Password CLI: vaults of items (labelled fields) and Document items. Models `--version`,
/// `item get NAME --vault V --format json [--reveal]`, `item create --vault V --format json -` and `item edit ID ...`
/// (an item JSON template on stdin), `read op://vault/item/field` and `document get`. An unknown item fails with op's
/// "isn't an item in the ... vault" text; <see cref="SignedOut"/> fails everything as an expired session does.
/// Does not model: accounts, sections, field types beyond their values, concealment without --reveal, documents
/// created by op, rate limits.
/// </summary>
public sealed class FakeOp : IFakeProgram
{
    public string Name => "op";

    public string Version { get; set; } = "2.30.3";

    public bool SignedOut { get; set; }

    /// <summary>(vault, item title) → field label → value.</summary>
    public ConcurrentDictionary<(string Vault, string Item), Dictionary<string, string>> Items { get; } = new();

    /// <summary>(vault, document title) → file content.</summary>
    public ConcurrentDictionary<(string Vault, string Item), string> Documents { get; } = new();

    public int ItemsCreated { get; private set; }

    public int ItemsEdited { get; private set; }

    public void AddField(string vault, string item, string field, string value) =>
        Items.GetOrAdd((vault, item), _ => new Dictionary<string, string>(StringComparer.Ordinal))[field] = value;

    public void AddDocument(string vault, string item, string content) => Documents[(vault, item)] = content;

    public FakeResult Run(IReadOnlyList<string> a, string? stdin)
    {
        if (a is ["--version"])
        {
            return FakeResult.Ok(Version + "\n");
        }

        if (SignedOut)
        {
            return FakeResult.Error("[ERROR] 2026/01/01 00:00:00 You are not currently signed in. Please run `op signin --help` for instructions\n");
        }

        switch (a)
        {
            case ["item", "get", var item, "--vault", var vault, ..]:
                return Items.TryGetValue((vault, item), out var fields) ? FakeResult.Ok(ItemJson(vault, item, fields)) : NotAnItem(item, vault);
            case ["item", "create", "--vault", var vault, "--format", "json", "-"]:
                var template = JsonNode.Parse(stdin ?? "{}")!;
                var title = template["title"]!.GetValue<string>();
                if (Items.ContainsKey((vault, title)))
                {
                    return FakeResult.Error($"[ERROR] 2026/01/01 00:00:00 an item named \"{title}\" already exists in vault \"{vault}\"\n");
                }

                Items[(vault, title)] = Fields(template);
                ItemsCreated++;
                return FakeResult.Ok(ItemJson(vault, title, Items[(vault, title)]));
            case ["item", "edit", var id, "--vault", var vault, "--format", "json", "-"]:
                var key = Items.Keys.FirstOrDefault(k => k.Vault == vault && Id(k.Item) == id);
                if (key == default)
                {
                    return NotAnItem(id, vault);
                }

                Items[key] = Fields(JsonNode.Parse(stdin ?? "{}")!);
                ItemsEdited++;
                return FakeResult.Ok(ItemJson(vault, key.Item, Items[key]));
            case ["read", var reference] when reference.StartsWith("op://", StringComparison.Ordinal):
                var parts = reference["op://".Length..].Split('/');
                return parts.Length == 3 && Items.TryGetValue((parts[0], parts[1]), out var f) && f.TryGetValue(parts[2], out var value)
                    ? FakeResult.Ok(value + "\n")
                    : FakeResult.Error($"[ERROR] 2026/01/01 00:00:00 could not read secret '{reference}': error looking up item \"{(parts.Length > 1 ? parts[1] : reference)}\": it isn't an item in the vault\n");
            case ["document", "get", var item, "--vault", var vault]:
                return Documents.TryGetValue((vault, item), out var content) ? FakeResult.Ok(content)
                    : FakeResult.Error($"[ERROR] 2026/01/01 00:00:00 \"{item}\" isn't a document in the \"{vault}\" vault. Specify the document with its UUID or name.\n");
            default:
                return FakeResult.Error($"[ERROR] unknown command \"{string.Join(' ', a)}\" for \"op\"\n");
        }
    }

    private static Dictionary<string, string> Fields(JsonNode template) =>
        (template["fields"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(x => x["label"] is not null && x["value"] is not null)
            .ToDictionary(x => x["label"]!.GetValue<string>(), x => x["value"]!.GetValue<string>(), StringComparer.Ordinal);

    private static string Id(string title) => "fake" + Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(title))[..Math.Min(24, title.Length * 2)].ToLowerInvariant();

    private static string ItemJson(string vault, string title, Dictionary<string, string> fields) => new JsonObject
    {
        ["id"] = Id(title),
        ["title"] = title,
        ["vault"] = new JsonObject { ["name"] = vault },
        ["category"] = "SECURE_NOTE",
        ["fields"] = new JsonArray([.. fields.Select(kv => (JsonNode)new JsonObject { ["id"] = kv.Key, ["label"] = kv.Key, ["type"] = "CONCEALED", ["value"] = kv.Value })]),
    }.ToJsonString() + "\n";

    private static FakeResult NotAnItem(string item, string vault) =>
        FakeResult.Error($"[ERROR] 2026/01/01 00:00:00 \"{item}\" isn't an item in the \"{vault}\" vault. Specify the item with its UUID, name, or domain.\n");
}
