using HomeOps.Cli;
using HomeOps.Fakes;
using HomeOps.Operations.Nodes;
using HomeOps.Operations.Upgrades;
using HomeOps.Runtime.Files;
using HomeOps.Testing;

namespace HomeOps.Cli.Tests.Upgrades;

/// <summary>
/// `homeops upgrade talos` through the command entry point, against a fake cluster bootstrapped by `homeops bootstrap`
/// (three control planes on Talos v1.10.5, booted from cluster.yaml's Image Factory schematic) and the fake talosctl:
/// what the operator sees, and the exit code.
/// </summary>
public sealed class UpgradeTalosCommandTests
{
    private const string Mini01 = "172.29.51.11";

    private sealed class Bootstrapped(TempDirectory repo, FakeCluster cluster) : IAsyncDisposable
    {
        public TempDirectory Repo { get; } = repo;

        public FakeCluster Cluster { get; } = cluster;

        public async ValueTask DisposeAsync()
        {
            await Cluster.DisposeAsync();
            Repo.Dispose();
        }
    }

    private static async Task<Bootstrapped> BootstrappedAsync()
    {
        var repo = new TempDirectory();
        var copy = RepositoryCopy.Create();
        RepositoryCopy.CopyFolder(copy, repo.Path);
        Directory.Delete(copy, recursive: true);
        (await CliRunner.RunAsync(repo.Path, "render")).ExitCode.ShouldBe(0);
        var cluster = await FakeCluster.StartAsync([("mini01", Mini01), ("mini02", "172.29.51.12"), ("mini03", "172.29.51.13")], "172.29.51.10");
        cluster.SeedTalosSecrets("Automation", "home-ops", TestSecrets.Yaml);
        cluster.SeedConnectItems("Automation", "home-ops");
        var bootstrap = await RunAsync(repo.Path, cluster, "bootstrap", "--timeout", "1");
        bootstrap.ExitCode.ShouldBe(0, bootstrap.Out + bootstrap.Error);

        // The nodes were installed from cluster.yaml's factory image (the schematic the operator posted to the factory).
        var (nodes, problems) = NodeOperationContext.Load(Operations.Workspace.Locate(PhysicalFileSystem.Instance, repo.Path, null), cluster.Runner, _ => { });
        problems.ShouldBeEmpty();
        foreach (var node in cluster.Talos.Nodes)
        {
            var wanted = TalosNodeImage.Wanted(nodes!.Cluster, nodes.Cluster.Nodes.Single(n => n.Name == node.Name)).Id;
            cluster.Talos.FactorySchematics.Add(wanted);
            node.Schematic = wanted;
        }

        cluster.Nodes.RefreshNodeInfo(cluster.Api.Store);
        return new Bootstrapped(repo, cluster);
    }

    private static async Task<CliRunner.Result> RunAsync(string directory, FakeCluster cluster, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, directory, PhysicalFileSystem.Instance, TimeProvider.System) { Commands = cluster.Runner, KubeRewrite = cluster.Rewrite };
        var code = await HomeOpsCli.RunAsync(args, context, TestContext.Current.CancellationToken);
        return new CliRunner.Result(code, output.ToString().Replace(directory, "<repo>", StringComparison.Ordinal), error.ToString());
    }

    private static List<string> Lines(string output) => [.. output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0)];

    [Fact]
    public async Task UpgradeTalos_DryRun_PrintsEveryCommandAndGateInOrderAndChangesNothing()
    {
        Assert.SkipWhen(Fakes.Programs.FakeHelm.RenderUnavailable is not null, Fakes.Programs.FakeHelm.RenderUnavailable ?? string.Empty);
        await using var b = await BootstrappedAsync();
        var before = b.Cluster.Runner.Calls.Count;

        var result = await RunAsync(b.Repo.Path, b.Cluster, "upgrade", "talos", "--talos", "v1.10.9", "--dry-run");

        result.ExitCode.ShouldBe(0, result.Out + result.Error);
        b.Cluster.Runner.Calls.Skip(before).ShouldNotContain(c => c.StartsWith("talosctl upgrade", StringComparison.Ordinal));
        b.Cluster.Talos.Nodes.ShouldAllBe(n => n.Upgrades == 0);
        var schematic = b.Cluster.Talos.Nodes[0].Schematic;
        var talosconfig = "<repo>/talos/generated/talosconfig";
        // What each node goes through, in order: the gates, the primaries, the drain, the upgrade, the checks, the uncordon.
        var mini01 = Lines(result.Out).SkipWhile(l => !l.StartsWith("  gate etcd before mini01", StringComparison.Ordinal)).Take(13)
            .Select(l => l.Trim()).Select(l => l.StartsWith("gate ", StringComparison.Ordinal) ? l[..l.IndexOf(':', StringComparison.Ordinal)] : l).ToList();
        mini01.ShouldBe([
            "gate etcd before mini01",
            "gate longhorn before mini01",
            "gate flux before mini01",
            "move the PostgreSQL primaries off mini01",
            "gate cnpg before mini01",
            "drain mini01 (cordon, evict with PodDisruptionBudgets respected)",
            $"talosctl upgrade --nodes {Mini01} --endpoints {Mini01} --talosconfig {talosconfig} --image factory.talos.dev/metal-installer/{schematic}:v1.10.9 --wait",
            $"verify mini01 reports Talos v1.10.9 and schematic {schematic} (talosctl version, talosctl get extensions)",
            "gate node-ready after mini01",
            $"talosctl health --nodes {Mini01} --endpoints {Mini01} --talosconfig {talosconfig} --wait-timeout 600s",
            "uncordon mini01",
            "gate longhorn after mini01",
            "gate etcd after mini01",
        ]);
        Lines(result.Out).Count(l => l.StartsWith("  talosctl upgrade --nodes ", StringComparison.Ordinal)).ShouldBe(3);
        Lines(result.Out).Last().ShouldBe("  dry run, nothing changed: after these steps the cluster would run the targets");
    }

    [Fact]
    public async Task UpgradeTalos_OneHop_ExitsZeroAndSaysWhatItDidNodeByNode()
    {
        Assert.SkipWhen(Fakes.Programs.FakeHelm.RenderUnavailable is not null, Fakes.Programs.FakeHelm.RenderUnavailable ?? string.Empty);
        await using var b = await BootstrappedAsync();

        var result = await RunAsync(b.Repo.Path, b.Cluster, "upgrade", "talos", "--talos", "v1.10.9", "--gate-timeout", "1");

        result.ExitCode.ShouldBe(0, result.Out + result.Error);
        b.Cluster.Talos.Nodes.ShouldAllBe(n => n.TalosVersion == "v1.10.9" && n.Upgrades == 1);
        var lines = Lines(result.Out).Select(l => l.Trim()).ToList();
        lines[0].ShouldBe("running: Talos v1.10.5, Kubernetes v1.31.1 (read from the nodes); target: Talos v1.10.9, Kubernetes v1.31.1");
        var schematic = b.Cluster.Talos.Nodes[0].Schematic;
        foreach (var node in new[] { "mini01", "mini02", "mini03" })
        {
            var upgrading = lines.FindIndex(l => l == $"{node}: upgrading to factory.talos.dev/metal-installer/{schematic}:v1.10.9");
            upgrading.ShouldBeGreaterThan(lines.FindIndex(l => l.StartsWith($"{node}: draining", StringComparison.Ordinal)));
            lines.FindIndex(l => l == $"{node}: runs Talos v1.10.9 with schematic {schematic}").ShouldBeGreaterThan(upgrading);
            lines.FindIndex(l => l == $"{node}: uncordoning").ShouldBeGreaterThan(upgrading);
        }

        lines.Last().ShouldBe("the cluster runs the targets");
        result.Error.ShouldBeEmpty();
    }

    [Fact]
    public async Task UpgradeTalos_InstallerImageNotFound_ExitsOneWithHO9016AndTheHint()
    {
        Assert.SkipWhen(Fakes.Programs.FakeHelm.RenderUnavailable is not null, Fakes.Programs.FakeHelm.RenderUnavailable ?? string.Empty);
        await using var b = await BootstrappedAsync();
        b.Cluster.Talos.FactorySchematics.Clear();

        var result = await RunAsync(b.Repo.Path, b.Cluster, "upgrade", "talos", "--talos", "v1.10.9", "--gate-timeout", "1");

        result.ExitCode.ShouldBe(1);
        result.Out.ShouldContain($"error HO9016: mini01 ({Mini01}): 'talosctl upgrade' to factory.talos.dev/metal-installer/");
        result.Out.ShouldContain("hint: ");
        result.Out.ShouldContain("run 'homeops upgrade talos' again");
        b.Cluster.Talos.Nodes.ShouldAllBe(n => n.Upgrades == 0);
    }

    [Fact]
    public async Task UpgradeKubernetes_OneMinor_ExitsZeroAndEveryKubeletRunsTheTarget()
    {
        Assert.SkipWhen(Fakes.Programs.FakeHelm.RenderUnavailable is not null, Fakes.Programs.FakeHelm.RenderUnavailable ?? string.Empty);
        await using var b = await BootstrappedAsync();

        var result = await RunAsync(b.Repo.Path, b.Cluster, "upgrade", "kubernetes", "--kubernetes", "v1.32.3", "--gate-timeout", "1");

        result.ExitCode.ShouldBe(0, result.Out + result.Error);
        b.Cluster.Talos.Nodes.ShouldAllBe(n => n.KubeletVersion == "v1.32.3" && n.Upgrades == 0);
        b.Cluster.Runner.Calls.Count(c => c.StartsWith("talosctl upgrade-k8s", StringComparison.Ordinal)).ShouldBe(1);
        var lines = Lines(result.Out).Select(l => l.Trim()).ToList();
        lines[0].ShouldBe("running: Talos v1.10.5, Kubernetes v1.31.1 (read from the nodes); target: Talos v1.10.5, Kubernetes v1.32.3");
        lines.Last().ShouldBe("the cluster runs the targets");
        result.Error.ShouldBeEmpty();
    }
}
