using HomeOps.Runtime.Processes;

namespace HomeOps.Runtime.Tools;

/// <summary>
/// 1Password CLI (op) command lines. Anything op prints may be a secret: callers keep results in memory and mark
/// the values as secrets of every later command that carries them.
/// </summary>
public static class OnePassword
{
    public const string Program = "op";

    public static CommandSpec Version() => new(Program, ["--version"]) { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The item's metadata as JSON (no field values unless --reveal): used to test that an item exists.</summary>
    public static CommandSpec ItemGet(string item, string vault) =>
        new(Program, ["item", "get", item, "--vault", vault, "--format", "json"]) { Timeout = TimeSpan.FromMinutes(1) };

    /// <summary>One field's value: op://vault/item/field.</summary>
    public static CommandSpec Read(string vault, string item, string field) =>
        new(Program, ["read", $"op://{vault}/{item}/{field}"]) { Timeout = TimeSpan.FromMinutes(1) };

    /// <summary>A Document item's file content on standard output.</summary>
    public static CommandSpec DocumentGet(string item, string vault) =>
        new(Program, ["document", "get", item, "--vault", vault]) { Timeout = TimeSpan.FromMinutes(1) };

    /// <summary>Stores <paramref name="content"/> (read from standard input) as a Document item.</summary>
    public static CommandSpec DocumentCreate(string title, string vault, string fileName, string content) =>
        new(Program, ["document", "create", "-", "--title", title, "--vault", vault, "--file-name", fileName]) { StandardInput = content, Timeout = TimeSpan.FromMinutes(1) };

    /// <summary>True when op's error text says the item does not exist (as opposed to a sign-in or network problem).</summary>
    public static bool IsItemMissing(CommandResult result) =>
        result.StandardError.Contains("isn't an item", StringComparison.Ordinal) || result.StandardError.Contains("isn't a document", StringComparison.Ordinal);
}
