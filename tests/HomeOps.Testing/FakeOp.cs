using System.Text.Json.Nodes;
using HomeOps.Runtime.Processes;

namespace HomeOps.Testing;

/// <summary>
/// Runs tests/HomeOps.FakeOp (a fake `op`) as a real process with its own state file and call log.
/// The runner passes FAKE_OP_STATE and FAKE_OP_LOG to every command it runs.
/// </summary>
public sealed class FakeOp : IDisposable, ICommandRunner
{
    private readonly string _folder = Directory.CreateTempSubdirectory("homeops-fake-op-").FullName;

    public FakeOp(params string[] vaults)
    {
        var state = new JsonObject { ["vaults"] = new JsonObject(vaults.Select(v => new KeyValuePair<string, JsonNode?>(v, new JsonArray()))) };
        File.WriteAllText(StatePath, state.ToJsonString());
    }

    public static string Program => Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "fake-op.exe" : "fake-op");

    public string StatePath => Path.Combine(_folder, "state.json");

    public string LogPath => Path.Combine(_folder, "calls.jsonl");

    public bool SignedOut { get; set; }

    /// <summary>Every call's arguments, in order.</summary>
    public IReadOnlyList<string[]> Calls => File.Exists(LogPath)
        ? [.. File.ReadAllLines(LogPath).Select(l => JsonNode.Parse(l)!["args"]!.AsArray().Select(a => (string)a!).ToArray())]
        : [];

    public JsonArray Items(string vault) => JsonNode.Parse(File.ReadAllText(StatePath))!["vaults"]![vault]!.AsArray();

    public Task<CommandResult> RunAsync(CommandSpec spec, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string?>(spec.Environment)
        {
            ["FAKE_OP_STATE"] = StatePath,
            ["FAKE_OP_LOG"] = LogPath,
            ["FAKE_OP_SIGNED_OUT"] = SignedOut ? "1" : null,
        };
        return ProcessCommandRunner.Instance.RunAsync(spec with { Environment = environment }, cancellationToken);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
