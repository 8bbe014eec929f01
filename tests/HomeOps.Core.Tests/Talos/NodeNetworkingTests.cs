using HomeOps.Core.Talos.Documents;
using HomeOps.Testing;

namespace HomeOps.Core.Tests.Talos;

/// <summary>What cluster.yaml's networks and scheduling decide for the kubelet, the controller-manager and node labels.</summary>
public sealed class NodeNetworkingTests
{
    private const string ExcludeLabel = "node.kubernetes.io/exclude-from-external-load-balancers";

    [Fact]
    public void Render_DualStack_KubeletPicksAnAddressOfEachFamilyFromTheNodeNetworks()
    {
        foreach (var node in TalosTestCluster.Rendered.Nodes)
        {
            var subnets = ((DocList)node.Main.At("machine.kubelet.nodeIP.validSubnets")!).Items.Select(Text);
            subnets.ShouldBe(["172.29.51.0/24", "fd47:25e1:2f96:51::/64"], node.FileName);
        }
    }

    [Fact]
    public void Render_ControllerManager_GivesEachNodeABlockOfTheSizeCiliumUses()
    {
        // A /64 IPv6 pod network with the controller-manager's default /64 blocks would leave two of three nodes without one.
        var node = TalosTestCluster.Rendered.Nodes[0];
        Text(node.Main.At("cluster.controllerManager.extraArgs.node-cidr-mask-size-ipv4")).ShouldBe("24");
        Text(node.Main.At("cluster.controllerManager.extraArgs.node-cidr-mask-size-ipv6")).ShouldBe("80");
    }

    [Fact]
    public void Render_WorkloadsOnControlPlanes_NoExcludeFromLoadBalancersLabel()
    {
        foreach (var node in TalosTestCluster.Rendered.Nodes)
        {
            (node.Main.At("machine.nodeLabels") as DocMap)?[ExcludeLabel].ShouldBeNull(node.FileName);
        }
    }

    [Fact]
    public void Render_DedicatedControlPlanes_KeepTalosExcludeLabel()
    {
        var yaml = File.ReadAllText(RepositoryPaths.ClusterFile)
            .Replace("allowSchedulingOnControlPlanes: true", "allowSchedulingOnControlPlanes: false", StringComparison.Ordinal)
            .Replace("  - name: mini03\n    address: 172.29.51.13\n    role: controlplane", "  - name: mini03\n    address: 172.29.51.13\n    role: worker", StringComparison.Ordinal);
        var rendered = TalosTestCluster.Render(TalosTestCluster.Config(yaml));
        var controlPlane = rendered.Nodes.Single(n => n.Node.Name == "mini01");
        Text(((DocMap)controlPlane.Main.At("machine.nodeLabels")!)[ExcludeLabel]).ShouldBe(string.Empty);
        var worker = rendered.Nodes.Single(n => n.Node.Name == "mini03");
        (worker.Main.At("machine.nodeLabels") as DocMap)?[ExcludeLabel].ShouldBeNull();
    }

    private static string Text(DocNode? node) => node is DocScalar scalar ? scalar.Value : node?.ToString() ?? "<missing>";
}
