using HomeOps.Cli;
using HomeOps.Fakes;
using HomeOps.Runtime.Files;
using HomeOps.Testing;

namespace HomeOps.Cli.Tests.Commands;

/// <summary>`homeops bootstrap` in-process against the fake cluster: what the operator sees.</summary>
public sealed class BootstrapCommandTests
{
    /// <summary>The bundled cluster.yaml, the bootstrap's fixture tree and Talos patches, then `homeops render`: a repository ready to bootstrap.</summary>
    private static async Task<TempDirectory> RepositoryAsync()
    {
        var temp = new TempDirectory();
        temp.Write("cluster.yaml", File.ReadAllText(RepositoryPaths.ClusterFile));
        temp.Write(".gitignore", File.ReadAllText(RepositoryPaths.Combine(".gitignore")));
        var fixture = RepositoryPaths.Combine("tests", "HomeOps.Operations.Tests", "Fixtures", "tree");
        foreach (var file in Directory.EnumerateFiles(fixture, "*.yaml", SearchOption.AllDirectories))
        {
            temp.Write(Path.GetRelativePath(fixture, file), File.ReadAllText(file));
        }

        var patches = RepositoryPaths.Combine("talos", "patches");
        foreach (var file in Directory.EnumerateFiles(patches, "*", SearchOption.AllDirectories))
        {
            temp.Write(Path.Combine("talos", "patches", Path.GetRelativePath(patches, file)), File.ReadAllText(file));
        }

        var render = await CliRunner.RunAsync(temp.Path, "render");
        render.ExitCode.ShouldBe(0, render.Out + render.Error);
        return temp;
    }

    private static async Task<CliRunner.Result> RunAsync(string directory, FakeCluster cluster, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, directory, PhysicalFileSystem.Instance, TimeProvider.System) { Commands = cluster.Runner, KubeRewrite = cluster.Rewrite };
        var code = await HomeOpsCli.RunAsync(args, context, TestContext.Current.CancellationToken);
        return new CliRunner.Result(code, output.ToString().Replace(directory, "<repo>", StringComparison.Ordinal), error.ToString());
    }

    private static async Task<FakeCluster> ClusterAsync()
    {
        var cluster = await FakeCluster.StartAsync([("mini01", "172.29.51.11"), ("mini02", "172.29.51.12"), ("mini03", "172.29.51.13")], "172.29.51.10");
        cluster.SeedTalosSecrets("Automation", "home-ops", TestSecrets.Yaml);
        return cluster;
    }

    [Fact]
    public async Task Bootstrap_DryRun_PrintsGoldenPlan()
    {
        using var repo = await RepositoryAsync();
        await using var cluster = await ClusterAsync();

        var result = await RunAsync(repo.Path, cluster, "bootstrap", "--dry-run");

        result.ExitCode.ShouldBe(0, result.Out + result.Error);
        cluster.Runner.Calls.ShouldBeEmpty();
        Golden.Assert(result.Out, "tests/HomeOps.Cli.Tests/Commands/golden/bootstrap-dry-run.txt");
    }

    [Fact]
    public async Task Bootstrap_FakeCluster_EndsWithFluxInControl()
    {
        using var repo = await RepositoryAsync();
        await using var cluster = await ClusterAsync();
        cluster.SeedConnectItems("Automation", "home-ops");

        var result = await RunAsync(repo.Path, cluster, "bootstrap", "--timeout", "1");

        result.ExitCode.ShouldBe(0, result.Out + result.Error);
        result.Out.ShouldContain("▶ etcd-bootstrap");
        result.Out.ShouldContain("  ✓ etcd-bootstrap (");
        result.Out.ShouldContain("▶ flux-ready");
        result.Out.ShouldContain("bootstrap: done in ");
        result.Out.ShouldNotContain(FakeCluster.ConnectToken);
        File.Exists(Path.Combine(repo.Path, ".homeops", "home-ops", "bootstrap-state.json")).ShouldBeTrue();
    }

    [Fact]
    public async Task Bootstrap_MissingItem_DiagnosticAndResumeHint()
    {
        using var repo = await RepositoryAsync();
        await using var cluster = await ClusterAsync();

        var result = await RunAsync(repo.Path, cluster, "bootstrap", "--timeout", "1");

        result.ExitCode.ShouldBe(1);
        result.Out.ShouldContain("error HO5020: 1Password has no item '1Password Connect Credentials - home-ops' in vault 'Automation'");
        result.Out.ShouldContain("hint: ");
        result.Out.ShouldContain("run 'homeops bootstrap --resume'");
        cluster.SeedConnectItems("Automation", "home-ops");
        (await RunAsync(repo.Path, cluster, "bootstrap", "--resume")).ExitCode.ShouldBe(0);
    }
}
