using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using HomeOps.Testing;
using ModelContextProtocol;

namespace HomeOps.Mcp.Tests;

/// <summary>The tools an assistant sees, with names, descriptions, input schemas and hints, as the server lists them.</summary>
public sealed class ToolListTests
{
    [Fact]
    public async Task ToolsList_AllowWrite_MatchesGoldenFile()
    {
        await using var client = await McpProcess.StartAsync(RepositoryPaths.Root, ["--allow-write"]);
        var tools = await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);

        var list = new JsonArray([.. tools.Select(t => JsonSerializer.SerializeToNode(t.ProtocolTool, McpJsonUtilities.DefaultOptions))]);
        Golden.Assert(list.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n", "tests/HomeOps.Mcp.Tests/golden/tools.json");
    }

    [Fact]
    public async Task DocsMcp_NamesEveryTool()
    {
        await using var client = await McpProcess.StartAsync(RepositoryPaths.Root, ["--allow-write"]);
        var docs = await File.ReadAllTextAsync(RepositoryPaths.Combine("docs", "mcp.md"), TestContext.Current.CancellationToken);

        foreach (var tool in await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken))
        {
            docs.ShouldContain($"| `{tool.Name}` |", customMessage: $"docs/mcp.md has no row for the tool {tool.Name}");
        }
    }

    [Fact]
    public async Task ToolsList_WithoutAllowWrite_OffersNoToolThatChangesAnything()
    {
        await using var client = await McpProcess.StartAsync(RepositoryPaths.Root);
        await using var writer = await McpProcess.StartAsync(RepositoryPaths.Root, ["--allow-write"]);

        var readOnly = await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);
        var all = await writer.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);

        readOnly.ShouldAllBe(t => t.ProtocolTool.Annotations!.ReadOnlyHint == true && t.ProtocolTool.Annotations.DestructiveHint == false);
        var writes = all.Where(t => t.ProtocolTool.Annotations!.ReadOnlyHint != true).ToList();
        writes.ShouldNotBeEmpty();
        writes.ShouldAllBe(t => t.ProtocolTool.Annotations!.DestructiveHint == true);
        readOnly.Select(t => t.Name).ShouldBe(all.Except(writes).Select(t => t.Name));
    }
}
