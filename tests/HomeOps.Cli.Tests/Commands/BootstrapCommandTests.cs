using HomeOps.Cli;
using HomeOps.Fakes;
using HomeOps.Runtime.Files;
using HomeOps.Testing;

namespace HomeOps.Cli.Tests.Commands;

/// <summary>`homeops bootstrap` in-process against the fake cluster: what the operator sees.</summary>
public sealed class BootstrapCommandTests
{
    /// <summary>The bundled cluster.yaml, the repository's own tree and Talos patches, then `homeops render`: a repository ready to bootstrap.</summary>
    private static async Task<TempDirectory> RepositoryAsync()
    {
        var temp = new TempDirectory();
        var copy = RepositoryCopy.Create();
        RepositoryCopy.CopyFolder(copy, temp.Path);
        Directory.Delete(copy, recursive: true);
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
        // docs/bootstrap.md shows the real plan: every step line, and the Cilium step's commands.
        var docs = File.ReadAllText(RepositoryPaths.Combine("docs", "bootstrap.md"));
        var lines = result.Out.Split('\n');
        var steps = lines.Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s?\d+\. ")).ToList();
        steps.Count.ShouldBe(18);
        steps.ShouldAllBe(l => docs.Contains("\n" + l + "\n", StringComparison.Ordinal));
        var cilium = Array.FindIndex(lines, l => l.EndsWith(" chart-cilium: install cilium 1.17.6 from https://helm.cilium.io as release kube-system/cilium", StringComparison.Ordinal));
        cilium.ShouldBe(Array.FindIndex(lines, l => l.StartsWith(" 8. nodes-registered", StringComparison.Ordinal)) + 2, "Cilium comes right after nodes-registered");
        docs.ShouldContain(string.Join("\n", lines[(cilium + 1)..(cilium + 4)]));
    }

    [Fact]
    public async Task Bootstrap_FakeCluster_EndsWithFluxInControl()
    {
        Assert.SkipWhen(Fakes.Programs.FakeHelm.RenderUnavailable is not null, Fakes.Programs.FakeHelm.RenderUnavailable ?? string.Empty);
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
        // Cilium installs before the bootstrap Secrets are read, and the fake helm renders it with the real helm.
        Assert.SkipWhen(Fakes.Programs.FakeHelm.RenderUnavailable is not null, Fakes.Programs.FakeHelm.RenderUnavailable ?? string.Empty);
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

    [Fact]
    public async Task Bootstrap_DryRunTreeWithoutCiliumHelmRelease_ExitOneWithFileAndLine()
    {
        using var repo = await RepositoryAsync();
        File.Delete(Path.Combine(repo.Path, "infrastructure", "cilium", "helmrelease.yaml"));
        repo.Write(Path.Combine("infrastructure", "cilium", "kustomization.yaml"), "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: []\n");
        await using var cluster = await ClusterAsync();

        var result = await RunAsync(repo.Path, cluster, "bootstrap", "--dry-run");

        result.ExitCode.ShouldBe(1, result.Out + result.Error);
        var line = 1 + Array.FindIndex(File.ReadAllLines(Path.Combine(repo.Path, "cluster.yaml")), l => l == "  path: clusters/home-ops");
        (result.Out + result.Error).ShouldContain($"cluster.yaml:{line}:9: error HO5030: ");
        result.Out.ShouldNotContain("preflight");
        cluster.Runner.Calls.ShouldBeEmpty();
    }
}
