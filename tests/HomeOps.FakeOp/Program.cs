using System.Text.Json;
using System.Text.Json.Nodes;

// A fake `op` (1Password CLI v2) for tests. State lives in the JSON file named by FAKE_OP_STATE:
// {"vaults": {"<name>": [<item>, ...]}}, where an item is what `op item get --format json` prints.
// Every call is appended to FAKE_OP_LOG as one JSON line {"args": [...], "stdin": bool}.
// It fails as op does: "[ERROR] <time> message" on stderr and exit code 1.
var statePath = Environment.GetEnvironmentVariable("FAKE_OP_STATE") ?? Fail("FAKE_OP_STATE is not set");
var logPath = Environment.GetEnvironmentVariable("FAKE_OP_LOG");
var stdin = Console.IsInputRedirected ? Console.In.ReadToEnd() : string.Empty;
if (logPath is not null)
{
    File.AppendAllText(logPath, new JsonObject { ["args"] = new JsonArray([.. args.Select(a => (JsonNode)a)]), ["stdin"] = stdin.Length > 0 }.ToJsonString() + "\n");
}

if (Environment.GetEnvironmentVariable("FAKE_OP_SIGNED_OUT") == "1")
{
    return Error("You are not currently signed in. Please run `op signin --help` for instructions");
}

var state = File.Exists(statePath) ? JsonNode.Parse(File.ReadAllText(statePath))!.AsObject() : new JsonObject { ["vaults"] = new JsonObject() };
var vaults = state["vaults"]!.AsObject();
string? Flag(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

if (args is ["--version"])
{
    Console.WriteLine("2.31.1");
    return 0;
}

if (args.Length < 2 || args[0] != "item")
{
    return Error($"unknown command \"{string.Join(' ', args.Take(2))}\" for \"op\"");
}

var vaultName = Flag("--vault");
if (vaultName is null)
{
    return Error("a vault is required: specify it with --vault");
}

if (vaults[vaultName] is not JsonArray vault)
{
    return Error($"\"{vaultName}\" isn't a vault in this account. Specify the vault with its ID or name.");
}

switch (args[1])
{
    case "get":
    {
        var reference = args.Length > 2 ? args[2] : string.Empty;
        var matches = vault.Where(i => (string?)i!["id"] == reference || (string?)i!["title"] == reference).ToList();
        if (matches.Count == 0)
        {
            return Error($"\"{reference}\" isn't an item in the \"{vaultName}\" vault. Specify the item with its UUID, name, or domain.");
        }

        if (matches.Count > 1)
        {
            return Error($"More than one item matches \"{reference}\". Try again and specify the item by its ID:");
        }

        Console.WriteLine(matches[0]!.ToJsonString());
        return 0;
    }

    case "create":
    {
        var template = ParseTemplate(stdin);
        if (template is null)
        {
            return Error("invalid JSON in piped input");
        }

        var id = $"fakeitem{vault.Count + 1:D4}";
        var item = Item(id, template, vaultName, version: 1);
        vault.Add(item);
        Save();
        Console.WriteLine(item.ToJsonString());
        return 0;
    }

    case "edit":
    {
        var reference = args.Length > 2 ? args[2] : string.Empty;
        var index = vault.ToList().FindIndex(i => (string?)i!["id"] == reference || (string?)i!["title"] == reference);
        if (index < 0)
        {
            return Error($"\"{reference}\" isn't an item in the \"{vaultName}\" vault. Specify the item with its UUID, name, or domain.");
        }

        var template = ParseTemplate(stdin);
        if (template is null)
        {
            return Error("invalid JSON in piped input");
        }

        var old = vault[index]!;
        var item = Item((string)old["id"]!, template, vaultName, version: (int)old["version"]! + 1);
        vault[index] = item;
        Save();
        Console.WriteLine(item.ToJsonString());
        return 0;
    }

    default:
        return Error($"unknown command \"{args[1]}\" for \"op item\"");
}

JsonObject? ParseTemplate(string text)
{
    try
    {
        return JsonNode.Parse(text) as JsonObject;
    }
    catch (JsonException)
    {
        return null;
    }
}

JsonObject Item(string id, JsonObject template, string vaultName, int version) => new()
{
    ["id"] = id,
    ["title"] = (string?)template["title"] ?? "Untitled Secure Note",
    ["version"] = version,
    ["vault"] = new JsonObject { ["id"] = "vault-" + vaultName.ToLowerInvariant(), ["name"] = vaultName },
    ["category"] = (string?)template["category"] ?? "SECURE_NOTE",
    ["fields"] = template["fields"]?.DeepClone() ?? new JsonArray(),
};

void Save() => File.WriteAllText(statePath, state.ToJsonString());

static int Error(string message)
{
    Console.Error.WriteLine($"[ERROR] 2025/07/01 12:00:00 {message}");
    return 1;
}

static string Fail(string message)
{
    Console.Error.WriteLine("fake-op: " + message);
    Environment.Exit(2);
    return string.Empty;
}
