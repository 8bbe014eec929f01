using HomeOps.Cli.Commands;
using HomeOps.Testing;

namespace HomeOps.Cli.Tests.Commands;

/// <summary>The generated reference docs in the repository match what the code would generate now.</summary>
public sealed class GeneratedDocsTests
{
    public static TheoryData<string> Files() => [.. DocsCommand.GeneratedFiles.Keys];

    [Theory]
    [MemberData(nameof(Files))]
    public void GeneratedDoc_IsInSyncWithCode(string relative)
    {
        var generated = DocsCommand.GeneratedFiles[relative]();
        Golden.Assert(generated, relative);
    }

    [Fact]
    public void DiagnosticsDoc_ListsEveryCode()
    {
        var doc = File.ReadAllText(RepositoryPaths.Combine("docs", "diagnostics.md"));
        foreach (var d in HomeOps.Core.Diagnostics.DiagnosticCatalog.All)
        {
            doc.ShouldContain($"### {d.Code}");
        }
    }

    [Fact]
    public async Task DocsGenerateCheck_InSyncRepository_ExitsZero()
    {
        var result = await CliRunner.RunAsync(RepositoryPaths.Root, "docs", "generate", "--check");
        result.ExitCode.ShouldBe(0, result.Out);
    }
}
