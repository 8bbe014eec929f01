using HomeOps.Testing;

namespace HomeOps.Cli.Tests.Commands;

public sealed class CheckCommandTests
{
    [Fact]
    public async Task Check_BundledRepository_Passes()
    {
        // --offline: no chart downloads, so the result does not depend on the network.
        var result = await CliRunner.RunAsync(RepositoryPaths.Root, "check", "--offline");
        result.ExitCode.ShouldBe(0, result.Out + result.Error);
        result.Out.ShouldContain("ok    cluster.yaml: 3 node(s), 4 pool(s)");
        result.Out.ShouldContain("ok    generated files: 5 of 5 up to date");
        result.Out.ShouldContain("ok    talos: 3 node config(s)");
        result.Out.ShouldContain("ok    GitOps tree: ");
        result.Out.ShouldContain("check: 4 check(s), 0 error(s), 0 warning(s)");
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
