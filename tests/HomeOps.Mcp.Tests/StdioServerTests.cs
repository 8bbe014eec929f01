using System.Diagnostics;
using System.Text.Json.Nodes;
using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Diagnostics.Output;
using HomeOps.Core.Talos.Documents;
using HomeOps.Operations;
using HomeOps.Operations.Config;
using HomeOps.Operations.Talos;
using HomeOps.Runtime.Files;
using HomeOps.Runtime.OnePassword;
using HomeOps.Runtime.Processes;
using HomeOps.Testing;
using ModelContextProtocol;

namespace HomeOps.Mcp.Tests;

/// <summary>The SDK's client over stdio against the built `homeops mcp`: the tools answer what the Operations services answer.</summary>
public sealed class StdioServerTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CallTools_OverStdio_AnswerWhatTheServicesAnswer()
    {
        var folder = Directory.CreateTempSubdirectory("homeops-mcp-").FullName;
        var bad = File.ReadAllText(RepositoryPaths.ClusterFile).Replace("  vlan:", "  vlann:", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, "typo.yaml"), bad);
        await using var client = await McpProcess.StartAsync(RepositoryPaths.Root);

        // 1. config_validate on a cluster.yaml with a typo: the loader's diagnostic, with its hint.
        await using var inFolder = await McpProcess.StartAsync(folder);
        var config = await inFolder.CallToolAsync("config_validate", new Dictionary<string, object?> { ["file"] = "typo.yaml" }, cancellationToken: Token);
        var configText = McpProcess.Text(config);
        var expected = ClusterConfigService.Load(Workspace.Locate(PhysicalFileSystem.Instance, folder, Path.Combine(folder, "typo.yaml"))).Diagnostics;
        expected.ShouldContain(d => d.Code == "HO1001");
        configText.ShouldStartWith(TextDiagnosticWriter.Write(expected, _ => bad));
        configText.ShouldContain("typo.yaml: invalid; ");
        config.IsError.ShouldNotBe(true);

        // 2. talos_render: every node's config exactly as the Talos service renders it, each secret redacted.
        var render = McpProcess.Text(await client.CallToolAsync("talos_render", new Dictionary<string, object?>(), cancellationToken: Token));
        foreach (var (name, yaml) in await RenderRedactedAsync())
        {
            render.ShouldContain($"# {name}\n{yaml}\n");
        }

        render.ShouldContain("<secret:");

        // 3. diagnostic_docs: the catalogue entry and the rule's section of docs/rules.md.
        var docs = McpProcess.Text(await client.CallToolAsync("diagnostic_docs", new Dictionary<string, object?> { ["code"] = "HO3001" }, cancellationToken: Token));
        docs.ShouldStartWith(DiagnosticDocsWriter.Entry(DiagnosticCatalog.Find("HO3001")!));
        docs.ShouldContain("### HO3001 kustomize-build-failed");
        var unknown = await client.CallToolAsync("diagnostic_docs", new Dictionary<string, object?> { ["code"] = "HO30001" }, cancellationToken: Token);
        unknown.IsError.ShouldBe(true);
        McpProcess.Text(unknown).ShouldContain("No diagnostic has the code or name 'HO30001'");
    }

    [Fact]
    public async Task CallTool_UnknownArgument_IsInvalidParamsNamingIt()
    {
        await using var client = await McpProcess.StartAsync(RepositoryPaths.Root);

        var error = await Should.ThrowAsync<McpProtocolException>(() => client.CallToolAsync("graph", new Dictionary<string, object?> { ["formt"] = "dot" }, cancellationToken: Token).AsTask());

        error.ErrorCode.ShouldBe(McpErrorCode.InvalidParams);
        error.Message.ShouldContain("'formt'");
        error.Message.ShouldContain("Did you mean 'format'?");
        var missing = await Should.ThrowAsync<McpProtocolException>(() => client.CallToolAsync("diagnostic_docs", new Dictionary<string, object?>(), cancellationToken: Token).AsTask());
        missing.ErrorCode.ShouldBe(McpErrorCode.InvalidParams);
        missing.Message.ShouldContain("'code'");
        var outside = await Should.ThrowAsync<McpProtocolException>(() => client.CallToolAsync("config_validate", new Dictionary<string, object?> { ["file"] = "/etc/passwd" }, cancellationToken: Token).AsTask());
        outside.ErrorCode.ShouldBe(McpErrorCode.InvalidParams);

        // The server is still there after the refusals.
        var docs = await client.CallToolAsync("diagnostic_docs", new Dictionary<string, object?> { ["code"] = "HO1001" }, cancellationToken: Token);
        McpProcess.Text(docs).ShouldContain("### HO1001");
    }

    [Fact]
    public async Task StandardOutput_CarriesOnlyTheProtocol_LogsGoToStandardError()
    {
        var start = new ProcessStartInfo(McpProcess.Program, ["mcp"])
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["HOMEOPS_DEBUG"] = "1";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(Token);
        string[] requests =
        [
            """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"test","version":"1"}}}""",
            """{"jsonrpc":"2.0","method":"notifications/initialized"}""",
            """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""",
            """{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"diagnostic_docs","arguments":{"code":"HO3001"}}}""",
            """{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"diagnostic_docs","arguments":{"code":"HO3001","extra":true}}}""",
        ];
        foreach (var request in requests)
        {
            await process.StandardInput.WriteLineAsync(request.AsMemory(), Token);
        }

        await process.StandardInput.FlushAsync(Token);
        var messages = new List<JsonObject>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (messages.Count < 4 && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            // Every line on standard output must be a JSON-RPC message: anything else breaks the client.
            messages.Add(JsonNode.Parse(line)!.AsObject());
        }

        process.StandardInput.Close();
        (await process.StandardOutput.ReadToEndAsync(Token)).Trim().ShouldBeEmpty();
        await process.WaitForExitAsync(Token);

        messages.ShouldAllBe(m => (string?)m["jsonrpc"] == "2.0");
        messages.Select(m => (int?)m["id"]).Order().ShouldBe([1, 2, 3, 4]);
        messages.Single(m => (int?)m["id"] == 4)["error"]!["code"]!.GetValue<int>().ShouldBe(-32602);
        (await stderr).ShouldNotBeEmpty();
        process.ExitCode.ShouldBe(0);
    }

    private static async Task<IReadOnlyList<KeyValuePair<string, string>>> RenderRedactedAsync()
    {
        var workspace = Workspace.Locate(PhysicalFileSystem.Instance, RepositoryPaths.Root, null);
        var config = ClusterConfigService.Load(workspace).Config!;
        var secrets = new TalosSecretsService(workspace, config, new OnePasswordCli(ProcessCommandRunner.Instance, "op"));
        var run = await new TalosService(workspace, config).RunAsync(secrets, null, requireSecrets: false, DateTimeOffset.UtcNow, new DiagnosticBag(), Token);
        return [.. run!.Result.Nodes.Select(n => KeyValuePair.Create(n.FileName, n.Yaml(SecretHandling.Redact)))];
    }
}
