using HomeOps.Cli;
using HomeOps.Fakes;
using HomeOps.Runtime.Files;
using HomeOps.Testing;

namespace HomeOps.Cli.Tests.Commands;

/// <summary>`homeops cluster reset`: the typed confirmation and the quorum guard, as the operator meets them.</summary>
public sealed class ClusterResetCommandTests
{
    private static async Task<(int Code, string Out)> RunAsync(string directory, FakeCluster cluster, string input, params string[] args)
    {
        using var output = new StringWriter();
        var context = new CliContext(output, output, directory, PhysicalFileSystem.Instance, TimeProvider.System) { Commands = cluster.Runner, In = new StringReader(input) };
        var code = await HomeOpsCli.RunAsync(args, context, TestContext.Current.CancellationToken);
        return (code, output.ToString());
    }

    private static async Task<(TempDirectory Repo, FakeCluster Cluster)> ConfiguredClusterAsync()
    {
        var repo = new TempDirectory();
        repo.Write("cluster.yaml", File.ReadAllText(RepositoryPaths.ClusterFile));
        repo.Write("talos/generated/talosconfig", "context: home-ops\n");
        var cluster = await FakeCluster.StartAsync([("mini01", "172.29.51.11"), ("mini02", "172.29.51.12"), ("mini03", "172.29.51.13")], "172.29.51.10");
        foreach (var node in cluster.Talos.Nodes)
        {
            node.Stage = "running";
        }

        return (repo, cluster);
    }

    [Fact]
    public async Task Reset_TypedNameMatches_ResetsTheNode()
    {
        var (repo, cluster) = await ConfiguredClusterAsync();
        using var _r = repo;
        await using var _c = cluster;

        var (code, output) = await RunAsync(repo.Path, cluster, "home-ops\n", "cluster", "reset", "--node", "mini02");

        code.ShouldBe(0, output);
        output.ShouldContain("Type the cluster name (home-ops) to continue: ");
        output.ShouldContain("--system-labels-to-wipe STATE --system-labels-to-wipe EPHEMERAL");
        cluster.Talos.Nodes[1].Resets.ShouldBe(1);
    }

    [Fact]
    public async Task Reset_TypedNameWrong_NothingReset()
    {
        var (repo, cluster) = await ConfiguredClusterAsync();
        using var _r = repo;
        await using var _c = cluster;

        var (code, output) = await RunAsync(repo.Path, cluster, "homeops\n", "cluster", "reset", "--node", "mini02");

        code.ShouldBe(1);
        output.ShouldContain("error HO5050: The typed name 'homeops' is not the cluster name 'home-ops'; nothing was reset");
        cluster.Talos.Nodes.ShouldAllBe(n => n.Resets == 0);
    }

    [Fact]
    public async Task Reset_AllNodesWithoutAll_RefusedBeforeAskingForTheName()
    {
        var (repo, cluster) = await ConfiguredClusterAsync();
        using var _r = repo;
        await using var _c = cluster;

        var (code, output) = await RunAsync(repo.Path, cluster, "home-ops\n", "cluster", "reset");

        code.ShouldBe(1);
        output.ShouldNotContain("Type the cluster name");
        output.ShouldContain("error HO5051: Resetting 3 of 3 control-plane node(s) leaves 0, below the etcd quorum of 2");
        cluster.Runner.Calls.ShouldBeEmpty();
    }
}
