using System.Text.Json;
using System.Text.Json.Nodes;

namespace HomeOps.Fakes.Programs;

/// <summary>
/// The one fake 1Password CLI (`op` 2.x), used in-process behind <see cref="FakeCommandRunner"/> and as a real child
/// process (tests/HomeOps.FakeOp, started by <see cref="FakeOpProcess"/>). The account holds the vaults in
/// <see cref="Vaults"/>; any other vault "isn't a vault in this account". Titles may repeat, as in op 2.x: a lookup by
/// a title two items share fails with "More than one item matches". Models `--version`, `item get REF [--vault V]
/// --format json [--reveal]`, `item create --vault V --format json -` and `item edit REF --vault V --format json -`
/// (an item JSON template on stdin), `document get REF --vault V` and `read op://V/ITEM/FIELD`; errors on stderr as
/// "[ERROR] date time message" with exit code 1. <see cref="SignedOut"/> fails every command but --version.
/// tests/README.md lists what it does not model.
/// </summary>
public sealed class FakeOp : IFakeProgram
{
    private readonly Lock _gate = new();

    public FakeOp(FakeOpVaults? vaults = null) => Vaults = vaults ?? new FakeOpVaults();

    public string Name => "op";

    public string Version { get; set; } = "2.31.1";

    public bool SignedOut { get; set; }

    public FakeOpVaults Vaults { get; }

    public int ItemsCreated { get; private set; }

    public int ItemsEdited { get; private set; }

    /// <summary>Sets a field on the item titled <paramref name="title"/> (created, with its vault, when missing).</summary>
    public FakeOpItem AddField(string vault, string title, string label, string value, string type = "CONCEALED")
    {
        var item = Vaults.Find(vault, title).SingleOrDefault() ?? Vaults.Create(vault, title, "SECURE_NOTE");
        item.Fields.RemoveAll(f => f.Label == label);
        item.Fields.Add(new FakeOpField(label, label, type, value));
        return item;
    }

    /// <summary>Sets the file of the Document item titled <paramref name="title"/> (created when missing).</summary>
    public FakeOpItem AddDocument(string vault, string title, string content)
    {
        var item = Vaults.Find(vault, title).SingleOrDefault() ?? Vaults.Create(vault, title, "DOCUMENT");
        item.Document = content;
        return item;
    }

    public FakeResult Run(IReadOnlyList<string> arguments, string? standardInput)
    {
        lock (_gate)
        {
            return RunLocked([.. arguments], standardInput);
        }
    }

    private FakeResult RunLocked(List<string> a, string? stdin)
    {
        if (a is ["--version"])
        {
            return FakeResult.Ok(Version + "\n");
        }

        if (SignedOut)
        {
            return Error("You are not currently signed in. Please run `op signin --help` for instructions");
        }

        var vault = Option(a, "--vault");
        if (vault is not null && !Vaults.Exists(vault))
        {
            return Error($"\"{vault}\" isn't a vault in this account. Specify the vault with its ID or name.");
        }

        switch (a)
        {
            case ["item", "get", var reference, ..]:
                return One(vault, reference, item => FakeResult.Ok(ItemJson(vault ?? VaultOf(item), item, reveal: a.Contains("--reveal"))));
            case ["item", "create", ..] when vault is not null && a[^1] == "-":
                return Template(stdin) is { } created ? Create(vault, created) : Error("invalid JSON in piped input");
            case ["item", "edit", var reference, ..] when vault is not null && a[^1] == "-":
                return Template(stdin) is { } edited ? One(vault, reference, item => Edit(vault, item, edited)) : Error("invalid JSON in piped input");
            case ["document", "get", var reference, ..]:
                return One(vault, reference, item => item.Document is { } file ? FakeResult.Ok(file)
                    : Error($"\"{reference}\" isn't a document in the \"{vault}\" vault. Specify the document with its UUID or name."));
            case ["read", var secret] when secret.StartsWith("op://", StringComparison.Ordinal):
                return Read(secret);
            default:
                return Error($"unknown command \"{string.Join(' ', a)}\" for \"op\"");
        }
    }

    /// <summary>Runs <paramref name="action"/> on the single item <paramref name="reference"/> names, or fails as op does.</summary>
    private FakeResult One(string? vault, string reference, Func<FakeOpItem, FakeResult> action)
    {
        var matches = vault is null ? Vaults.Names.SelectMany(v => Vaults.Find(v, reference)).ToList() : [.. Vaults.Find(vault, reference)];
        return matches.Count switch
        {
            0 => Error(vault is null
                ? $"\"{reference}\" isn't an item. Specify the item with its UUID, name, or domain."
                : $"\"{reference}\" isn't an item in the \"{vault}\" vault. Specify the item with its UUID, name, or domain."),
            1 => action(matches[0]),
            _ => Error($"More than one item matches \"{reference}\". Try again and specify the item by its ID:\n"
                + string.Concat(matches.Select(m => $"\t* for the item \"{m.Title}\" in vault {VaultOf(m)}: {m.Id}\n"))),
        };
    }

    private FakeResult Create(string vault, JsonObject template)
    {
        var item = Vaults.Create(vault, (string?)template["title"] ?? "Untitled Secure Note", (string?)template["category"] ?? "SECURE_NOTE");
        item.Fields = Fields(template);
        ItemsCreated++;
        return FakeResult.Ok(ItemJson(vault, item, reveal: false));
    }

    private FakeResult Edit(string vault, FakeOpItem item, JsonObject template)
    {
        item.Fields = Fields(template);
        item.Version++;
        ItemsEdited++;
        return FakeResult.Ok(ItemJson(vault, item, reveal: false));
    }

    private FakeResult Read(string secret)
    {
        var parts = secret["op://".Length..].Split('/');
        if (parts.Length != 3)
        {
            return Error($"could not read secret '{secret}': invalid secret reference: expected op://<vault>/<item>/<field>");
        }

        if (!Vaults.Exists(parts[0]))
        {
            return Error($"could not read secret '{secret}': \"{parts[0]}\" isn't a vault in this account");
        }

        var matches = Vaults.Find(parts[0], parts[1]);
        return matches.Count == 1 && matches[0].Field(parts[2]) is { } value
            ? FakeResult.Ok(value + "\n")
            : Error($"could not read secret '{secret}': error looking up item \"{parts[1]}\": it isn't an item in the vault");
    }

    private string VaultOf(FakeOpItem item) => Vaults.Names.First(v => Vaults.Items(v).Contains(item));

    private static JsonObject? Template(string? stdin)
    {
        try
        {
            return JsonNode.Parse(stdin ?? string.Empty) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<FakeOpField> Fields(JsonObject template) =>
        [.. (template["fields"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(f => f["label"] is not null || f["id"] is not null)
            .Select(f => new FakeOpField((string?)f["id"] ?? (string)f["label"]!, (string?)f["label"] ?? (string)f["id"]!,
                (string?)f["type"] ?? "STRING", (string?)f["value"] ?? string.Empty, (string?)f["purpose"]))];

    /// <summary>
    /// The item as `op item get --format json` prints it. Without --reveal, op 2.x replaces concealed values with a
    /// pointer to the flag (inferred from op's documentation of --reveal; the exact placeholder text is not verified).
    /// </summary>
    private JsonObject ItemJsonObject(string vault, FakeOpItem item, bool reveal) => new()
    {
        ["id"] = item.Id,
        ["title"] = item.Title,
        ["version"] = item.Version,
        ["vault"] = new JsonObject { ["id"] = Vaults.IdOf(vault), ["name"] = vault },
        ["category"] = item.Category,
        ["fields"] = new JsonArray([.. item.Fields.Select(f =>
        {
            var field = new JsonObject { ["id"] = f.Id, ["type"] = f.Type };
            if (f.Purpose is not null)
            {
                field["purpose"] = f.Purpose;
            }

            field["label"] = f.Label;
            field["value"] = f.Type == "CONCEALED" && !reveal ? $"[use 'op item get {item.Id} --reveal' to reveal]" : f.Value;
            field["reference"] = $"op://{vault}/{item.Title}/{f.Label}";
            return (JsonNode)field;
        })]),
    };

    private string ItemJson(string vault, FakeOpItem item, bool reveal) => ItemJsonObject(vault, item, reveal).ToJsonString() + "\n";

    private static FakeResult Error(string message) => FakeResult.Error($"[ERROR] 2026/01/01 00:00:00 {message}\n");

    private static string? Option(List<string> args, string name)
    {
        var at = args.IndexOf(name);
        return at >= 0 && at + 1 < args.Count ? args[at + 1] : null;
    }
}
