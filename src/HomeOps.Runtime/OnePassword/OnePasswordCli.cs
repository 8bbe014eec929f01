using System.Text.Json;
using System.Text.Json.Nodes;
using HomeOps.Runtime.Processes;

namespace HomeOps.Runtime.OnePassword;

/// <summary>
/// The 1Password CLI (`op`, v2) as HomeOps uses it: get an item or a document, create an item, replace an existing one. Secret values
/// travel on standard input as an item JSON template, never on the command line (other processes can read that), and
/// are registered with the runner so they never appear in logs or error messages.
/// </summary>
public sealed class OnePasswordCli(ICommandRunner runner, string program = "op")
{
    public const string SecureNote = "SECURE_NOTE";

    public static CommandSpec GetItemSpec(string program, string item, string vault) =>
        new(program, ["item", "get", item, "--vault", vault, "--format", "json", "--reveal"]);

    public static CommandSpec VersionSpec(string program) => new(program, ["--version"]) { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A Document item's file on standard output (the whole file, which a text field could truncate).</summary>
    public static CommandSpec GetDocumentSpec(string program, string item, string vault) =>
        new(program, ["document", "get", item, "--vault", vault]);

    public static CommandSpec CreateItemSpec(string program, string vault, string template, IReadOnlyList<string> secrets) =>
        new(program, ["item", "create", "--vault", vault, "--format", "json", "-"]) { StandardInput = template, Secrets = [template, .. secrets] };

    public static CommandSpec EditItemSpec(string program, string itemId, string vault, string template, IReadOnlyList<string> secrets) =>
        new(program, ["item", "edit", itemId, "--vault", vault, "--format", "json", "-"]) { StandardInput = template, Secrets = [template, .. secrets] };

    /// <summary>An item template: a secure note with the given concealed fields and a note saying what it is.</summary>
    public static string Template(string title, string notes, IReadOnlyDictionary<string, string> concealedFields)
    {
        var fields = new JsonArray
        {
            new JsonObject { ["id"] = "notesPlain", ["type"] = "STRING", ["purpose"] = "NOTES", ["label"] = "notesPlain", ["value"] = notes },
        };
        foreach (var (label, value) in concealedFields)
        {
            fields.Add(new JsonObject { ["id"] = label, ["type"] = "CONCEALED", ["label"] = label, ["value"] = value });
        }

        return new JsonObject { ["title"] = title, ["category"] = SecureNote, ["fields"] = fields }.ToJsonString();
    }

    /// <summary>
    /// The item, or null when the vault has no item of that name. A vault that does not exist is never "no item":
    /// it throws <see cref="OnePasswordException"/> with <see cref="OnePasswordFailure.VaultNotFound"/>, so a caller
    /// that creates what is missing never creates it because of a typo in the vault name.
    /// </summary>
    public async Task<OnePasswordItem?> GetItemAsync(string item, string vault, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(GetItemSpec(program, item, vault), cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return Parse(result);
        }

        return IsMissingItem(result, "item") ? null : throw Failure(result);
    }

    /// <summary>A Document item's content, or null when the vault has no such document (an unknown vault throws, as above).</summary>
    public async Task<string?> GetDocumentAsync(string item, string vault, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(GetDocumentSpec(program, item, vault), cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return result.StandardOutput;
        }

        return IsMissingItem(result, "item") || IsMissingItem(result, "document") ? null : throw Failure(result);
    }

    // op 2.x: "\"X\" isn't an item in the \"V\" vault." for a missing item, "\"V\" isn't a vault in this account." for a
    // missing vault. Only the first is an answer ("there is none"); the second is an error in the caller's input.
    private static bool IsMissingItem(CommandResult result, string what) =>
        result.StandardError.Contains($"isn't a{(what == "item" ? "n" : "")} {what}", StringComparison.Ordinal) && Kind(result.StandardError) == OnePasswordFailure.Other;

    private static OnePasswordFailure Kind(string error) =>
        error.Contains("isn't a vault", StringComparison.Ordinal) ? OnePasswordFailure.VaultNotFound
        : error.Contains("More than one item matches", StringComparison.Ordinal) ? OnePasswordFailure.AmbiguousItem
        : OnePasswordFailure.Other;

    public async Task<OnePasswordItem> CreateItemAsync(string vault, string template, IReadOnlyList<string> secrets, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(CreateItemSpec(program, vault, template, secrets), cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? Parse(result) : throw Failure(result);
    }

    public async Task<OnePasswordItem> EditItemAsync(string itemId, string vault, string template, IReadOnlyList<string> secrets, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(EditItemSpec(program, itemId, vault, template, secrets), cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? Parse(result) : throw Failure(result);
    }

    public static OnePasswordItem ParseItem(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var fields = new List<OnePasswordField>();
        if (root.TryGetProperty("fields", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var field in list.EnumerateArray())
            {
                fields.Add(new OnePasswordField(
                    Text(field, "id") ?? string.Empty,
                    Text(field, "label") ?? string.Empty,
                    Text(field, "type") ?? string.Empty,
                    Text(field, "value"),
                    Text(field, "purpose")));
            }
        }

        var vault = root.TryGetProperty("vault", out var v) ? Text(v, "name") ?? Text(v, "id") ?? string.Empty : string.Empty;
        return new OnePasswordItem(Text(root, "id") ?? string.Empty, Text(root, "title") ?? string.Empty, vault, Text(root, "category") ?? string.Empty, fields);
    }

    private static OnePasswordItem Parse(CommandResult result)
    {
        try
        {
            return ParseItem(result.StandardOutput);
        }
        catch (JsonException)
        {
            throw new OnePasswordException("'op' did not return an item as JSON", result);
        }
    }

    private static OnePasswordException Failure(CommandResult result)
    {
        // op prints "[ERROR] 2025/07/01 12:00:00 message"; the message is what the user needs.
        var message = result.ErrorSummary(3);
        var marker = message.IndexOf("[ERROR] ", StringComparison.Ordinal);
        if (marker >= 0 && message.Length > marker + 28)
        {
            message = message[(marker + 28)..];
        }

        return new OnePasswordException(message.Length == 0 ? $"exit code {result.ExitCode}" : message, result, Kind(result.StandardError));
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
