using HomeOps.Testing;

namespace HomeOps.Cli.Tests.Commands;

public sealed class CheckCommandTests
{
    [Fact]
    public async Task Check_BundledRepository_Passes()
    {
        var result = await CliRunner.RunAsync(RepositoryPaths.Root, "check");
        result.ExitCode.ShouldBe(0, result.Out + result.Error);
        result.Out.ShouldContain("ok    cluster.yaml: 3 node(s), 4 pool(s)");
        result.Out.ShouldContain("0 error(s)");
    }

    [Fact]
    public async Task Check_BrokenClusterYaml_FailsWithDiagnostics()
    {
        using var temp = new TempDirectory();
        temp.Write("cluster.yaml", "cluster:\n  name: Bad_Name\n");
        var result = await CliRunner.RunAsync(temp.Path, "check");
        result.ExitCode.ShouldBe(1);
        result.Out.ShouldContain("error HO1004");
        result.Out.ShouldContain("FAIL  cluster.yaml");
    }
}
