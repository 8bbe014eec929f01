using System.Text.Json.Nodes;
using HomeOps.Fakes.Programs;

// The fake `op` as a child process: the model is HomeOps.Fakes' FakeOp (one fake 1Password for every test); this
// program only loads the account from FAKE_OP_STATE, runs one command, saves the account and logs the call to
// FAKE_OP_LOG as {"args": [...], "stdin": bool}. FAKE_OP_SIGNED_OUT=1 models an expired session.
var statePath = Environment.GetEnvironmentVariable("FAKE_OP_STATE");
if (statePath is null)
{
    Console.Error.WriteLine("fake-op: FAKE_OP_STATE is not set");
    return 2;
}

var stdin = Console.IsInputRedirected ? Console.In.ReadToEnd() : string.Empty;
if (Environment.GetEnvironmentVariable("FAKE_OP_LOG") is { } logPath)
{
    File.AppendAllText(logPath, new JsonObject { ["args"] = new JsonArray([.. args.Select(a => (JsonNode)a)]), ["stdin"] = stdin.Length > 0 }.ToJsonString() + "\n");
}

var vaults = File.Exists(statePath) ? FakeOpVaults.FromJson(JsonNode.Parse(File.ReadAllText(statePath))!.AsObject()) : new FakeOpVaults();
var op = new FakeOp(vaults) { SignedOut = Environment.GetEnvironmentVariable("FAKE_OP_SIGNED_OUT") == "1" };
var result = op.Run(args, stdin.Length > 0 ? stdin : null);
File.WriteAllText(statePath, vaults.ToJson().ToJsonString());
Console.Out.Write(result.StandardOutput);
Console.Error.Write(result.StandardError);
return result.ExitCode;
