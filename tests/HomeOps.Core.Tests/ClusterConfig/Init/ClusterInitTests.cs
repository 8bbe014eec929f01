using System.Net;
using HomeOps.Core.ClusterConfig;
using HomeOps.Core.ClusterConfig.Init;
using HomeOps.Core.Networking;
using HomeOps.Testing;

namespace HomeOps.Core.Tests.ClusterConfig.Init;

public sealed class ClusterInitTests
{
    private static IpNetwork Net(string text) => IpNetwork.TryParse(text, out var n) ? n : throw new FormatException(text);

    private static InitAnswers Answers(string network, int nodes, int? vlan = null) => new()
    {
        ClusterName = "lab",
        Domain = "example.org",
        Repository = "https://github.com/example/lab",
        NodeNetwork = Net(network),
        Vlan = vlan,
        CloudflareTunnelId = "0f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b",
        Nodes = [.. Enumerable.Range(1, nodes).Select(i => new InitNode { Name = $"node{i:00}", Address = AddressPlan.Offset(Net(network), 10 + i) })],
    };

    [Fact]
    public void Create_TheBundledClustersAnswers_DerivesTheBundledAddressPlan()
    {
        var answers = Answers("172.29.51.0/24", 3, vlan: 51) with { Ipv6Prefix = Net("fd47:25e1:2f96::/48"), RouterName = "udm-pro" };
        var outcome = ClusterInit.Create(answers, new SeededRandomSource("unused"), "cluster.yaml");
        outcome.Diagnostics.ShouldBeEmpty();
        var seed = ClusterConfigLoader.Load(File.ReadAllText(RepositoryPaths.ClusterFile), "cluster.yaml").Config!;
        var made = ClusterConfigLoader.Load(outcome.Text!, "cluster.yaml").Config!;
        made.Network.NodeNetworkIPv6.ShouldBe(seed.Network.NodeNetworkIPv6);
        made.Network.PodNetworks.ShouldBe(seed.Network.PodNetworks);
        made.Network.ServiceNetworks.ShouldBe(seed.Network.ServiceNetworks);
        made.Network.ApiVip.ShouldBe(seed.Network.ApiVip);
        made.Network.Gateway.ShouldBe(seed.Network.Gateway);
        made.LoadBalancer.Pools.Select(p => (p.Name, p.Addresses)).ShouldBe(seed.LoadBalancer.Pools.Select(p => (p.Name, p.Addresses)));
        made.LoadBalancer.Bgp!.Peers.Select(p => (p.Address, p.Asn)).ShouldBe(seed.LoadBalancer.Bgp!.Peers.Select(p => (p.Address, p.Asn)));
        made.LoadBalancer.Bgp.LocalAsn.ShouldBe(seed.LoadBalancer.Bgp.LocalAsn);
        made.Nodes.Select(n => n.Address).ShouldBe(seed.Nodes.Select(n => n.Address));
    }

    [Fact]
    public void Write_TheBundledClustersAnswers_MatchesGolden()
    {
        var answers = Answers("172.29.51.0/24", 3, vlan: 51) with { Ipv6Prefix = Net("fd47:25e1:2f96::/48"), RouterName = "udm-pro" };
        var outcome = ClusterInit.Create(answers, new SeededRandomSource("unused"), "cluster.yaml");
        outcome.Diagnostics.ShouldBeEmpty();
        Golden.Assert(outcome.Text!, "tests/HomeOps.Core.Tests/Golden/Init/bundled-answers.cluster.yaml");
    }

    [Fact]
    public void Write_ValuesThatWouldReadAsAnotherType_AreQuotedAndReadBack()
    {
        // A vault named "yes", a data disk model "1.0", a node with its own install disk, no VLAN: every string must
        // read back as the same string, in every YAML reader.
        var answers = Answers("10.20.0.0/24", 4) with
        {
            OnePasswordVault = "yes",
            DataDiskModel = "1.0",
            BackupRegion = "on",
            AcmeEmail = "ops+k8s@example.org",
            InstallDisk = "model=Samsung SSD*",
            Ipv6Prefix = Net("fd00:1:2::/48"),
        };
        answers = answers with { Nodes = [.. answers.Nodes!.Take(3), new InitNode { Name = "node04", Address = AddressPlan.Offset(Net("10.20.0.0/24"), 14), InstallDisk = "type=nvme" }] };
        var outcome = ClusterInit.Create(answers, new SeededRandomSource("x"), "cluster.yaml");
        outcome.Diagnostics.ShouldBeEmpty();
        Golden.Assert(outcome.Text!, "tests/HomeOps.Core.Tests/Golden/Init/quoted-values.cluster.yaml");
        var config = ClusterConfigLoader.Load(outcome.Text!, "cluster.yaml").Config!;
        config.Secrets.OnePassword.Vault.ShouldBe("yes");
        config.Storage!.DataDisk.Model.ShouldBe("1.0");
        config.Storage!.Backup.ShouldNotBeNull().Region.ShouldBe("on");
        config.Nodes[3].InstallDisk.ShouldNotBeNull().Type.ShouldBe("nvme");
    }

    [Fact]
    public void Create_FiveNodesWithoutVlan_CarvesEverythingWithoutOverlap()
    {
        var outcome = ClusterInit.Create(Answers("10.20.0.0/24", 5), new SeededRandomSource("init"), "cluster.yaml");
        outcome.Diagnostics.ShouldBeEmpty();
        var plan = outcome.Plan!;
        plan.LoadBalancerNetwork.ShouldBe(Net("10.20.1.0/24"));
        plan.ApiVip.ShouldBe(IPAddress.Parse("10.20.0.10"));
        plan.PodNetwork.ShouldBe(Net("10.244.0.0/16"));
        plan.Nodes.Count(n => n.Role == NodeRole.ControlPlane).ShouldBe(3);
        plan.Nodes.Count(n => n.Role == NodeRole.Worker).ShouldBe(2);
        plan.NodeNetworkIPv6.PrefixLength.ShouldBe(64);
        outcome.Text!.ShouldNotContain("vlan:");
    }

    [Fact]
    public void Create_SameSeed_SameUlaPrefix_DifferentSeed_Different()
    {
        var a = ClusterInit.Create(Answers("10.20.0.0/24", 1), new SeededRandomSource("a"), "cluster.yaml").Plan!.Ipv6Prefix;
        ClusterInit.Create(Answers("10.20.0.0/24", 1), new SeededRandomSource("a"), "cluster.yaml").Plan!.Ipv6Prefix.ShouldBe(a);
        ClusterInit.Create(Answers("10.20.0.0/24", 1), new SeededRandomSource("b"), "cluster.yaml").Plan!.Ipv6Prefix.ShouldNotBe(a);
        AddressPlan.IsUlaPrefix(a).ShouldBeTrue();
    }

    [Fact]
    public void Create_NodeNetworkOverlappingThePodNetwork_TakesAnother()
    {
        var plan = ClusterInit.Create(Answers("10.244.7.0/24", 1), new SeededRandomSource("x"), "cluster.yaml").Plan!;
        plan.PodNetwork.ShouldBe(Net("10.42.0.0/16"));
    }

    [Fact]
    public void Create_NodeOutsideTheNetwork_GivesTheValidatorsDiagnostic()
    {
        var answers = Answers("10.20.0.0/24", 3);
        answers = answers with { Nodes = [.. answers.Nodes!.Take(2), new InitNode { Name = "node03", Address = IPAddress.Parse("10.30.0.5") }] };
        var outcome = ClusterInit.Create(answers, new SeededRandomSource("x"), "cluster.yaml (not written)");
        outcome.Text.ShouldBeNull();
        outcome.Diagnostics.ShouldContain(d => d.Code == "HO1103" && d.Message.Contains("10.30.0.5", StringComparison.Ordinal));
        var direct = ClusterConfigLoader.Load(ClusterPlanWriter.Write(ClusterInit.Plan(answers, new SeededRandomSource("x"), new HomeOps.Core.Diagnostics.DiagnosticBag())!), "cluster.yaml (not written)");
        outcome.Diagnostics.Select(d => d.Code).ShouldBe(direct.Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void Create_MissingAnswers_NamesEachWithItsFlag()
    {
        var outcome = ClusterInit.Create(new InitAnswers { ClusterName = "lab" }, new SeededRandomSource("x"), "cluster.yaml");
        outcome.Text.ShouldBeNull();
        var missing = outcome.Diagnostics.Where(d => d.Code == "HO0122").Select(d => d.Message).ToList();
        missing.Count.ShouldBe(5);
        outcome.Diagnostics.ShouldContain(d => d.Hint!.Contains("--node-network", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("fd47:25e1:2f96::/64")]
    [InlineData("2001:db8::/48")]
    public void Create_Ipv6PrefixNotAUla48_IsRefused(string prefix)
    {
        var outcome = ClusterInit.Create(Answers("10.20.0.0/24", 1) with { Ipv6Prefix = Net(prefix) }, new SeededRandomSource("x"), "cluster.yaml");
        outcome.Diagnostics.ShouldContain(d => d.Code == "HO0123");
    }

    [Theory]
    [InlineData("APPLE*", "APPLE*", null)]
    [InlineData("type=nvme,size=>= 200GB", null, "nvme")]
    public void InstallDiskSpec_Parses(string text, string? model, string? type)
    {
        var selector = InstallDiskSpec.Parse(text, out var error)!;
        error.ShouldBeNull();
        selector.Model.ShouldBe(model);
        selector.Type.ShouldBe(type);
    }

    [Fact]
    public void InstallDiskSpec_UnknownKey_IsRefused()
    {
        var outcome = ClusterInit.Create(Answers("10.20.0.0/24", 1) with { InstallDisk = "colour=red" }, new SeededRandomSource("x"), "cluster.yaml");
        outcome.Diagnostics.ShouldContain(d => d.Code == "HO0125");
    }

    [Fact]
    public void Create_NodeNetworkFillingItsPrivateRange_HO0124NoLoadBalancerNetworkLeft()
    {
        // 10.0.0.0/8 is all of its private range: the /24 after it and the one before it are public addresses.
        var outcome = ClusterInit.Create(Answers("10.0.0.0/8", 3), new SeededRandomSource("init"), "cluster.yaml");

        var diagnostic = outcome.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("HO0124");
        diagnostic.Message.ShouldBe("No load-balancer /24 can be derived that stays private and clear of the node network 10.0.0.0/8");
        outcome.Text.ShouldBeNull();
    }

    [Fact]
    public void Create_LoadBalancerNetworkSmallerThanA24_HO0126()
    {
        var outcome = ClusterInit.Create(Answers("10.20.0.0/24", 3) with { LoadBalancerNetwork = Net("10.20.1.0/25") }, new SeededRandomSource("init"), "cluster.yaml");

        var diagnostic = outcome.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("HO0126");
        diagnostic.Message.ShouldStartWith("The load-balancer network 10.20.1.0/25 is not an IPv4 network of at least /24");
        outcome.Text.ShouldBeNull();
    }
}
