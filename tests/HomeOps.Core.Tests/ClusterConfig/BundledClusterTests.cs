using System.Net;
using HomeOps.Core.ClusterConfig;
using HomeOps.Testing;

namespace HomeOps.Core.Tests.ClusterConfig;

public sealed class BundledClusterTests
{
    private static ClusterConfigResult LoadBundled() =>
        ClusterConfigLoader.Load(File.ReadAllText(RepositoryPaths.ClusterFile), "cluster.yaml");

    [Fact]
    public void Load_BundledClusterYaml_IsClean()
    {
        var result = LoadBundled();
        result.Diagnostics.ShouldBeEmpty(string.Join("\n", result.Diagnostics));
        result.Config.ShouldNotBeNull();
    }

    [Fact]
    public void Load_BundledClusterYaml_DescribesTheSeedCluster()
    {
        var config = LoadBundled().Config!;
        config.Cluster.Name.ShouldBe("home-ops");
        config.Cluster.TalosVersion.ShouldBe("v1.10.5");
        config.Cluster.KubernetesVersion.ShouldBe("v1.31.1");
        config.Nodes.Select(n => (n.Name, n.Address.ToString(), n.Role)).ShouldBe(
        [
            ("mini01", "172.29.51.11", NodeRole.ControlPlane),
            ("mini02", "172.29.51.12", NodeRole.ControlPlane),
            ("mini03", "172.29.51.13", NodeRole.ControlPlane),
        ]);
        config.Talos.InstallDisk.Model.ShouldBe("APPLE*");
        config.Talos.Extensions.ShouldBe(["siderolabs/iscsi-tools", "siderolabs/lldpd", "siderolabs/usb-modem-drivers", "siderolabs/thunderbolt"]);
        config.Talos.DiskEncryption.State.ShouldBe(EncryptionProvider.Luks2);
        config.Talos.DiskEncryption.Ephemeral.ShouldBe(EncryptionProvider.Luks2);
        config.Network.Vlan.ShouldBe(51);
        config.Network.Interface.ShouldBe("enp3s0f0");
        config.Network.NodeNetwork.ToString().ShouldBe("172.29.51.0/24");
        config.Network.NodeNetworkIPv6!.ToString().ShouldBe("fd47:25e1:2f96:51::/64");
        config.Network.Gateway.ShouldBe(IPAddress.Parse("172.29.51.1"));
        config.Network.ApiVip.ShouldBe(IPAddress.Parse("172.29.51.10"));
        config.Network.PodNetworks[0].ToString().ShouldBe("10.244.0.0/16");
        config.Network.ServiceNetworks[0].ToString().ShouldBe("10.96.0.0/12");
        config.LoadBalancer.Mode.ShouldBe(LoadBalancerMode.Bgp);
        config.LoadBalancer.Bgp!.LocalAsn.ShouldBe(64512);
        // The same router twice: an IPv4 session and an IPv6 one (IPv6 routes travel over the IPv6 session).
        config.LoadBalancer.Bgp.Peers.Select(p => (p.Name, p.Address.ToString(), p.Asn)).ShouldBe(
            [("udm-pro", "172.29.51.1", 64513L), ("udm-pro-v6", "fd47:25e1:2f96:51::1", 64513L)]);
        config.LoadBalancer.Pools.Single(p => p.Name == "bgp-default-ipv6").AlsoServes.ShouldBe(["bgp-default", "bgp-ingress"]);
        config.LoadBalancer.Pools.Select(p => $"{p.Name}={p.Range?.ToString() ?? p.Cidr?.ToString()}").ShouldBe(
        [
            "bgp-default=172.29.52.100-172.29.52.199",
            "bgp-ingress=172.29.52.200-172.29.52.220",
            "bgp-reserved=172.29.52.50-172.29.52.99",
            "bgp-default-ipv6=fd47:25e1:2f96:52:100::/120",
        ]);
        config.Storage!.DataDisk.Model.ShouldBe("Portable SSD T5");
        config.Storage.DataDisk.MaxSize.ShouldBe("1TB");
        config.Storage.DataDisk.Filesystem.ShouldBe(FilesystemType.Xfs);
        config.Storage.Replicas.ShouldBe(2);
        config.Domains.Internal.ShouldBe("k8s.home.geoffdavis.com");
        config.Secrets.OnePassword.Vault.ShouldBe("Automation");
        config.GitOps.Branch.ShouldBe("main");
        config.GitOps.Path.ShouldBe("clusters/home-ops");
    }

    [Fact]
    public void Load_BundledClusterYaml_EveryValueKnowsWhereItWasWritten()
    {
        var config = LoadBundled().Config!;
        var lines = File.ReadAllLines(RepositoryPaths.ClusterFile);
        var node = config.Nodes[1];
        var span = node.SpanOf(nameof(NodeSettings.Address));
        lines[span.Line - 1][(span.Column - 1)..].ShouldStartWith("172.29.51.12");
        var pool = config.LoadBalancer.SpanOf(nameof(LoadBalancerSettings.Pools));
        lines[pool.Line - 1].ShouldContain("- name: bgp-default");
        var v6 = config.Network.SpanOf(nameof(NetworkSettings.PodNetworks), 1);
        lines[v6.Line - 1][(v6.Column - 1)..].ShouldStartWith("fd47:25e1:2f96:5120::/64");
    }

    [Fact]
    public void Load_SmallLabWithoutBgp_FitsWithoutCodeChanges()
    {
        const string text = """
            cluster: { name: lab, talosVersion: v1.10.5, kubernetesVersion: v1.33.2 }
            network:
              interface: eth0
              nodeNetwork: 192.168.1.0/24
              gateway: 192.168.1.1
              apiVip: 192.168.1.50
              podNetworks: [10.42.0.0/16]
              serviceNetworks: [10.43.0.0/16]
            loadBalancer:
              mode: l2
              pools: [{ name: lan, range: 192.168.1.200-192.168.1.220 }]
            talos: { installDisk: { type: nvme } }
            nodes:
              - { name: cp1, address: 192.168.1.10, role: controlplane }
              - { name: w1, address: 192.168.1.20, role: worker }
              - { name: w2, address: 192.168.1.21, role: worker }
              - { name: w3, address: 192.168.1.22, role: worker }
              - { name: w4, address: 192.168.1.23, role: worker }
            domains: { public: example.org, internal: lab.example.org }
            secrets: { onePassword: { vault: Lab } }
            gitops: { repository: "git@github.com:me/lab.git" }
            """;
        var result = ClusterConfigLoader.Load(text, "lab.yaml");
        result.Diagnostics.ShouldBeEmpty(string.Join("\n", result.Diagnostics));
        result.Config!.Nodes.Count(n => n.Role == NodeRole.Worker).ShouldBe(4);
        result.Config.LoadBalancer.Bgp.ShouldBeNull();
    }
}
