using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace HomeOps.Fakes.Programs;

/// <summary>One field of a fake 1Password item, as `op item get --format json` lists it.</summary>
public sealed record FakeOpField(string Id, string Label, string Type, string Value, string? Purpose = null);

/// <summary>One item: a secure note (fields) or a Document (a file). Titles need not be unique, as in op 2.x.</summary>
public sealed class FakeOpItem(string id, string title, string category)
{
    public string Id { get; } = id;

    public string Title { get; } = title;

    public string Category { get; set; } = category;

    public int Version { get; set; } = 1;

    public List<FakeOpField> Fields { get; set; } = [];

    /// <summary>The file of a DOCUMENT item.</summary>
    public string? Document { get; set; }

    public string? Field(string label) => Fields.FirstOrDefault(f => f.Label == label)?.Value;
}

/// <summary>
/// The account the fake `op` signs in to: vaults that exist (any other name "isn't a vault in this account") and their
/// items. IDs are 26 lowercase base32 characters like op's, derived from a counter so runs are reproducible. Saved as
/// JSON for the child-process form of the fake (tests/HomeOps.FakeOp).
/// </summary>
public sealed class FakeOpVaults
{
    private readonly Dictionary<string, List<FakeOpItem>> _vaults = new(StringComparer.Ordinal);
    private int _nextId;

    public IReadOnlyCollection<string> Names => _vaults.Keys;

    public bool Exists(string vault) => _vaults.ContainsKey(vault);

    public void Add(string vault) => _vaults.TryAdd(vault, []);

    public string IdOf(string vault) => Id("vault:" + vault);

    /// <summary>The items of a vault (empty when the vault does not exist).</summary>
    public IReadOnlyList<FakeOpItem> Items(string vault) => _vaults.GetValueOrDefault(vault) ?? [];

    /// <summary>Items whose title or ID is <paramref name="reference"/>, as op matches `item get NAME`.</summary>
    public IReadOnlyList<FakeOpItem> Find(string vault, string reference) =>
        [.. Items(vault).Where(i => i.Id == reference || i.Title == reference)];

    public FakeOpItem Create(string vault, string title, string category)
    {
        Add(vault);
        var item = new FakeOpItem(Id("item:" + _nextId++), title, category);
        _vaults[vault].Add(item);
        return item;
    }

    public bool Remove(string vault, FakeOpItem item) => _vaults.TryGetValue(vault, out var items) && items.Remove(item);

    public JsonObject ToJson() => new()
    {
        ["nextId"] = _nextId,
        ["vaults"] = new JsonObject(_vaults.Select(v => new KeyValuePair<string, JsonNode?>(v.Key,
            new JsonArray([.. v.Value.Select(i => (JsonNode)new JsonObject
            {
                ["id"] = i.Id,
                ["title"] = i.Title,
                ["category"] = i.Category,
                ["version"] = i.Version,
                ["document"] = i.Document,
                ["fields"] = new JsonArray([.. i.Fields.Select(f => (JsonNode)new JsonObject
                {
                    ["id"] = f.Id, ["label"] = f.Label, ["type"] = f.Type, ["value"] = f.Value, ["purpose"] = f.Purpose,
                })]),
            })])))),
    };

    public static FakeOpVaults FromJson(JsonObject json)
    {
        var vaults = new FakeOpVaults { _nextId = (int?)json["nextId"] ?? 0 };
        foreach (var (name, items) in json["vaults"]?.AsObject() ?? [])
        {
            vaults.Add(name);
            foreach (var i in items!.AsArray().OfType<JsonObject>())
            {
                vaults._vaults[name].Add(new FakeOpItem((string)i["id"]!, (string)i["title"]!, (string)i["category"]!)
                {
                    Version = (int)i["version"]!,
                    Document = (string?)i["document"],
                    Fields = [.. i["fields"]!.AsArray().OfType<JsonObject>().Select(f =>
                        new FakeOpField((string)f["id"]!, (string)f["label"]!, (string)f["type"]!, (string)f["value"]!, (string?)f["purpose"]))],
                });
            }
        }

        return vaults;
    }

    private static string Id(string seed)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        return string.Concat(hash.Take(26).Select(b => alphabet[b % 32]));
    }
}
