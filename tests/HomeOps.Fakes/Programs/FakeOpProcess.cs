using System.Text.Json.Nodes;
using HomeOps.Runtime.Processes;

namespace HomeOps.Fakes.Programs;

/// <summary>
/// Runs the fake `op` (<see cref="FakeOp"/>) as a real child process, tests/HomeOps.FakeOp's `fake-op` apphost, so the
/// real <see cref="ProcessCommandRunner"/> (arguments, standard input, exit codes) is what the product talks to.
/// <see cref="Seed"/> is the account it starts with; every command it runs reads and writes the account as JSON in
/// FAKE_OP_STATE and appends its arguments to FAKE_OP_LOG.
/// </summary>
public sealed class FakeOpProcess : IDisposable, ICommandRunner
{
    private readonly string _folder = Directory.CreateTempSubdirectory("homeops-fake-op-").FullName;

    /// <param name="vaults">The vaults the account has (empty); seed items with <see cref="Seed"/>.</param>
    public FakeOpProcess(params string[] vaults)
    {
        var op = new FakeOp();
        foreach (var vault in vaults)
        {
            op.Vaults.Add(vault);
        }

        Save(op);
    }

    /// <summary>The apphost to pass as the program name (OnePasswordCli's program, CliContext.OnePasswordProgram).</summary>
    public static string Program => Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "fake-op.exe" : "fake-op");

    public string StatePath => Path.Combine(_folder, "state.json");

    public string LogPath => Path.Combine(_folder, "calls.jsonl");

    public bool SignedOut { get; set; }

    /// <summary>The account as the last command left it.</summary>
    public FakeOpVaults Vaults => FakeOpVaults.FromJson(JsonNode.Parse(File.ReadAllText(StatePath))!.AsObject());

    /// <summary>Changes the account before the next command (add items, duplicates, vaults).</summary>
    public void Seed(Action<FakeOp> change)
    {
        var op = new FakeOp(Vaults);
        change(op);
        Save(op);
    }

    /// <summary>Every call's arguments, in order.</summary>
    public IReadOnlyList<string[]> Calls => File.Exists(LogPath)
        ? [.. File.ReadAllLines(LogPath).Select(l => JsonNode.Parse(l)!["args"]!.AsArray().Select(a => (string)a!).ToArray())]
        : [];

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

    private void Save(FakeOp op) => File.WriteAllText(StatePath, op.Vaults.ToJson().ToJsonString());

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
