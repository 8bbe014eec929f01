using System.Collections.Concurrent;

namespace HomeOps.Fakes.Programs;

/// <summary>
/// The 1Password CLI: vaults of items with fields and Document items. Models `--version`, `item get`, `read
/// op://vault/item/field`, `document get` and `document create` (from stdin). An unknown item fails as op does
/// ("isn't an item in the ... vault"); <see cref="SignedOut"/> fails everything as an expired session does.
/// Does not model: accounts, sections, --reveal, item create/edit, templates, service-account rate limits.
/// </summary>
public sealed class FakeOp : IFakeProgram
{
    public string Name => "op";

    public string Version { get; set; } = "2.30.3";

    public bool SignedOut { get; set; }

    /// <summary>(vault, item) → fields (a Document item keeps its content under the field "document").</summary>
    public ConcurrentDictionary<(string Vault, string Item), Dictionary<string, string>> Items { get; } = new();

    public int DocumentsCreated { get; private set; }

    public void AddField(string vault, string item, string field, string value) =>
        Items.GetOrAdd((vault, item), _ => new Dictionary<string, string>(StringComparer.Ordinal))[field] = value;

    public void AddDocument(string vault, string item, string content) => AddField(vault, item, "document", content);

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
                return Items.ContainsKey((vault, item)) ? FakeResult.Ok($"{{\"title\":\"{item}\",\"vault\":{{\"name\":\"{vault}\"}}}}\n") : NotAnItem(item, vault);
            case ["read", var reference] when reference.StartsWith("op://", StringComparison.Ordinal):
                var parts = reference["op://".Length..].Split('/');
                if (parts.Length != 3)
                {
                    return FakeResult.Error($"[ERROR] 2026/01/01 00:00:00 could not read secret '{reference}': invalid secret reference\n");
                }

                if (!Items.TryGetValue((parts[0], parts[1]), out var fields))
                {
                    return FakeResult.Error($"[ERROR] 2026/01/01 00:00:00 could not read secret '{reference}': error looking up item \"{parts[1]}\": \"{parts[1]}\" isn't an item in the \"{parts[0]}\" vault. Specify the item with its UUID, name, or domain.\n");
                }

                return fields.TryGetValue(parts[2], out var value) ? FakeResult.Ok(value + "\n")
                    : FakeResult.Error($"[ERROR] 2026/01/01 00:00:00 could not read secret '{reference}': item '{parts[0]}/{parts[1]}' does not have a field '{parts[2]}'\n");
            case ["document", "get", var item, "--vault", var vault]:
                return Items.TryGetValue((vault, item), out var doc) && doc.TryGetValue("document", out var content) ? FakeResult.Ok(content)
                    : FakeResult.Error($"[ERROR] 2026/01/01 00:00:00 \"{item}\" isn't a document in the \"{vault}\" vault. Specify the document with its UUID or name.\n");
            case ["document", "create", "-", "--title", var title, "--vault", var vault, "--file-name", _]:
                if (Items.ContainsKey((vault, title)))
                {
                    return FakeResult.Error($"[ERROR] 2026/01/01 00:00:00 an item named \"{title}\" exists already\n");
                }

                AddDocument(vault, title, stdin ?? string.Empty);
                DocumentsCreated++;
                return FakeResult.Ok($"{{\"uuid\":\"fake{DocumentsCreated}\",\"title\":\"{title}\"}}\n");
            default:
                return FakeResult.Error($"[ERROR] unknown command \"{string.Join(' ', a)}\" for \"op\"\n");
        }
    }

    private static FakeResult NotAnItem(string item, string vault) =>
        FakeResult.Error($"[ERROR] 2026/01/01 00:00:00 \"{item}\" isn't an item in the \"{vault}\" vault. Specify the item with its UUID, name, or domain.\n");
}
