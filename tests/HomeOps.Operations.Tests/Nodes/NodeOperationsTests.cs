using HomeOps.Operations.Nodes;
using HomeOps.Operations.Tests.Bootstrap;

namespace HomeOps.Operations.Tests.Nodes;

/// <summary>cluster reset and rolling apply/upgrade against a bootstrapped fake cluster.</summary>
public sealed class NodeOperationsTests
{
    private const string Vanilla = "factory.talos.dev/installer/" + Fakes.Programs.FakeTalosctl.VanillaSchematic + ":v1.10.6";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(BootstrapHarness Harness, NodeOperationContext Context, List<string> Log)> BootstrappedAsync()
    {
        var h = await BootstrapHarness.StartAsync();
        (await h.RunAsync()).ShouldBeEmpty();
        var log = new List<string>();
        var (context, problems) = NodeOperationContext.Load(h.Workspace, h.Cluster.Runner, log.Add);
        problems.ShouldBeEmpty();
        return (h, context!, log);
    }

    [Fact]
    public async Task Reset_OneControlPlaneOfThree_WipesOnlyStateAndEphemeral()
    {
        var (h, context, _) = await BootstrappedAsync();
        await using var _h = h;

        (await ClusterReset.RunAsync(context, new ClusterReset.Request(["mini03"], false, "home-ops", false), Ct)).ShouldBeEmpty();

        h.Cluster.Talos.Nodes[2].Stage.ShouldBe("maintenance");
        h.Cluster.Talos.Nodes[2].Resets.ShouldBe(1);
        h.Cluster.Talos.Nodes.Take(2).ShouldAllBe(n => n.Configured);
        h.Cluster.Runner.Calls.Last().ShouldBe($"talosctl reset --nodes 172.29.51.13 --endpoints 172.29.51.13 --talosconfig {h.Paths.Talosconfig} --system-labels-to-wipe STATE --system-labels-to-wipe EPHEMERAL --graceful=false --reboot --wait=false");
        File.Exists(h.Paths.StateFile).ShouldBeTrue();
    }

    [Fact]
    public async Task Reset_TwoControlPlanesOfThree_RefusedForQuorum()
    {
        var (h, context, _) = await BootstrappedAsync();
        await using var _h = h;
        var calls = h.Cluster.Runner.Calls.Count;

        var diagnostic = (await ClusterReset.RunAsync(context, new ClusterReset.Request(["mini01", "mini02"], false, "home-ops", false), Ct)).ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe("HO5051");
        diagnostic.Message.ShouldBe("Resetting 2 of 3 control-plane node(s) leaves 1, below the etcd quorum of 2");
        h.Cluster.Runner.Calls.Count.ShouldBe(calls);
    }

    [Fact]
    public async Task Reset_WrongTypedName_NothingReset()
    {
        var (h, context, _) = await BootstrappedAsync();
        await using var _h = h;

        var diagnostic = (await ClusterReset.RunAsync(context, new ClusterReset.Request([], true, "home-op", false), Ct)).ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe("HO5050");
        h.Cluster.Talos.Nodes.ShouldAllBe(n => n.Resets == 0);
    }

    [Fact]
    public async Task Reset_All_WipesEveryNodeForgetsStateAndBootstrapsAgain()
    {
        var (h, context, _) = await BootstrappedAsync();
        await using var _h = h;

        (await ClusterReset.RunAsync(context, new ClusterReset.Request([], true, "home-ops", false), Ct)).ShouldBeEmpty();

        h.Cluster.Talos.Nodes.ShouldAllBe(n => n.Stage == "maintenance");
        File.Exists(h.Paths.StateFile).ShouldBeFalse();
        h.Cluster.Talos.EtcdBootstrappedOn.ShouldBeNull();
    }

    [Fact]
    public async Task Reset_UnknownNode_NamesTheNodes()
    {
        var (h, context, _) = await BootstrappedAsync();
        await using var _h = h;

        var diagnostic = (await ClusterReset.RunAsync(context, new ClusterReset.Request(["mini04"], false, "home-ops", false), Ct)).ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe("HO5052");
        diagnostic.Hint.ShouldBe("Nodes are: mini01, mini02, mini03");
    }

    [Fact]
    public async Task Upgrade_AllNodes_OneAtATimeWithHealthBetween()
    {
        var (h, context, _) = await BootstrappedAsync();
        await using var _h = h;
        var before = h.Cluster.Runner.Calls.Count;

        (await NodeRollout.RunAsync(context, new NodeRollout.Request(NodeRollout.Action.Upgrade, [], Vanilla, TimeSpan.FromMinutes(10), false), Ct)).ShouldBeEmpty();

        var calls = h.Cluster.Runner.Calls.Skip(before).Select(c => c.Split(' ')[1] + " " + c.Split(' ')[3]).ToList();
        calls.ShouldBe(["upgrade 172.29.51.11", "health 172.29.51.11", "upgrade 172.29.51.12", "health 172.29.51.12", "upgrade 172.29.51.13", "health 172.29.51.13"]);
        h.Cluster.Talos.Nodes.ShouldAllBe(n => n.Image == Vanilla && n.TalosVersion == "v1.10.6" && n.Upgrades == 1);
    }

    [Fact]
    public async Task Apply_NodeUnhealthy_StopsBeforeTheNextNode()
    {
        var (h, context, _) = await BootstrappedAsync();
        await using var _h = h;
        var before = h.Cluster.Runner.Calls.Count;
        h.Cluster.Talos.Nodes[0].Reachable = false;

        var diagnostic = (await NodeRollout.RunAsync(context, new NodeRollout.Request(NodeRollout.Action.Apply, [], null, TimeSpan.FromMinutes(10), false), Ct)).ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe("HO5053");
        diagnostic.Message.ShouldStartWith("mini01 did not become healthy");
        h.Cluster.Runner.Calls.Skip(before).ShouldHaveSingleItem().ShouldStartWith("talosctl apply-config --nodes 172.29.51.11");
    }

    [Fact]
    public async Task Upgrade_KubernetesNodeNotReady_StopsAfterTheFirstNodesHealthCheck()
    {
        var (h, context, _) = await BootstrappedAsync();
        await using var _h = h;
        var before = h.Cluster.Runner.Calls.Count;
        // mini03's kubelet stops posting Ready (as when its CNI pod crashes): the cluster is not healthy.
        var store = h.Cluster.Api.Store;
        store.Mutate(store.Type("", "v1", "nodes")!, null, "mini03", n => n["status"]!["conditions"]![0]!["status"] = "False");

        var diagnostic = (await NodeRollout.RunAsync(context, new NodeRollout.Request(NodeRollout.Action.Upgrade, [], Vanilla, TimeSpan.FromMinutes(10), false), Ct)).ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe("HO5053");
        diagnostic.Message.ShouldStartWith("mini01 did not become healthy after 'talosctl health --nodes 172.29.51.11");
        diagnostic.Message.ShouldContain("some nodes are not ready: [mini03]");
        h.Cluster.Runner.Calls.Skip(before).Select(c => c.Split(' ')[1] + " " + c.Split(' ')[3]).ShouldBe(["upgrade 172.29.51.11", "health 172.29.51.11"]);
        h.Cluster.Talos.Nodes.Skip(1).ShouldAllBe(n => n.Image == null);
    }
}
