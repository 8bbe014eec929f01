using HomeOps.Runtime.Files;
using HomeOps.Runtime.Processes;
using ModelContextProtocol;

namespace HomeOps.Mcp.Tests;

/// <summary>The validate tool's changedOnly and base arguments (the rest of `validate --changed-only` is tested through the CLI).</summary>
public sealed class ValidateToolTests
{
    [Fact]
    public async Task Validate_ChangedOnlyOutsideARepository_AnswersWithTheDiagnostic()
    {
        var folder = Directory.CreateTempSubdirectory("homeops-mcp-").FullName;
        await using var server = await InProcessServer.StartAsync(Context(folder));

        var result = await server.CallAsync("validate", new() { ["changedOnly"] = true, ["offline"] = true });

        var text = McpProcess.Text(result);
        text.ShouldContain("HO0105");
        text.ShouldContain("this folder is not in a git repository");
        text.ShouldContain("validate --changed-only: the changed files are not known, nothing validated");
    }

    [Fact]
    public async Task Validate_BaseWithoutChangedOnly_IsRefused()
    {
        var folder = Directory.CreateTempSubdirectory("homeops-mcp-").FullName;
        await using var server = await InProcessServer.StartAsync(Context(folder));

        var refused = await Should.ThrowAsync<McpProtocolException>(() => server.CallAsync("validate", new() { ["base"] = "main" }));

        refused.ErrorCode.ShouldBe(McpErrorCode.InvalidParams);
        refused.Message.ShouldContain("'base' needs changedOnly");
    }

    private static McpContext Context(string folder) =>
        new(folder, PhysicalFileSystem.Instance, TimeProvider.System, ProcessCommandRunner.Instance, ProcessCommandRunner.Instance) { Environment = _ => null };
}
