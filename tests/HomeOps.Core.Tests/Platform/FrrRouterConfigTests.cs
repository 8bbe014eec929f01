using HomeOps.Core.Diagnostics;
using HomeOps.Core.Platform;

namespace HomeOps.Core.Tests.Platform;

public sealed class FrrRouterConfigTests
{
    [Fact]
    public void Write_BundledCluster_MatchesGolden()
    {
        var config = TestClusters.Bundled();
        var router = BgpRouter.Select(config.LoadBalancer.Bgp!, null, SourceSpan.File("cluster.yaml"), new DiagnosticBag())!;
        var text = FrrRouterConfig.Write(config, router);
        Testing.Golden.Assert(text, "tests/HomeOps.Core.Tests/Golden/Platform/frr-udm-pro.conf");
        text.ShouldContain("neighbor 172.29.51.11 peer-group home-ops");
        text.ShouldContain("ip prefix-list home-ops-lb-v4 seq 5 permit 172.29.52.100/30 le 32");
        text.ShouldContain("maximum-paths 3");
        // The IPv6 session: nodes are accepted from the IPv6 node network and only the IPv6 pool's prefixes come in.
        text.ShouldContain("! The IPv6 session expects this router at fd47:25e1:2f96:51::1 on the node network fd47:25e1:2f96:51::/64");
        text.ShouldContain("bgp listen range fd47:25e1:2f96:51::/64 peer-group home-ops-v6");
        text.ShouldContain(" address-family ipv6 unicast\n  neighbor home-ops-v6 activate\n");
        text.ShouldContain("ipv6 prefix-list home-ops-lb-v6 seq 5 permit fd47:25e1:2f96:52:100::/120 le 128");
        text.ShouldNotContain("Not announced");
    }

    [Fact]
    public void Write_SelectingTheIpv6Peer_ConfiguresTheSameRouter()
    {
        var config = TestClusters.Bundled();
        var router = BgpRouter.Select(config.LoadBalancer.Bgp!, "udm-pro-v6", SourceSpan.File("cluster.yaml"), new DiagnosticBag())!;
        router.Sessions.Select(s => s.Name).ShouldBe(["udm-pro", "udm-pro-v6"]);
        FrrRouterConfig.Write(config, router).ShouldBe(FrrRouterConfig.Write(config, BgpRouter.Select(config.LoadBalancer.Bgp!, null, SourceSpan.File("cluster.yaml"), new DiagnosticBag())!)
            .Replace("router udm-pro (AS", "router udm-pro-v6 (AS", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_WithoutIpv6Session_SaysTheIpv6PoolIsNotAnnounced()
    {
        var config = PlatformFilesTests.Ipv4SessionOnly();
        var router = BgpRouter.Select(config.LoadBalancer.Bgp!, null, SourceSpan.File("cluster.yaml"), new DiagnosticBag())!;
        var text = FrrRouterConfig.Write(config, router);
        text.ShouldContain("! Not announced: IPv6 pool(s) bgp-default-ipv6");
        text.ShouldNotContain("home-ops-v6");
        text.ShouldNotContain("ipv6 prefix-list");
    }

    [Fact]
    public void Write_FamilyWithoutPools_AcceptsNothing()
    {
        // A permit entry matching a prefix-list that does not exist would accept every route.
        var config = TestClusters.Bundled();
        config = config with { LoadBalancer = config.LoadBalancer with { Pools = [.. config.LoadBalancer.Pools.Where(p => p.Cidr is not null)] } };
        var router = BgpRouter.Select(config.LoadBalancer.Bgp!, null, SourceSpan.File("cluster.yaml"), new DiagnosticBag())!;
        var text = FrrRouterConfig.Write(config, router);
        text.ShouldNotContain("route-map home-ops-in permit");
        text.ShouldContain("route-map home-ops-in deny 100");
    }

    [Fact]
    public void Select_UnknownPeer_ReportsTheKnownOnes()
    {
        var diagnostics = new DiagnosticBag();
        BgpRouter.Select(TestClusters.Bundled().LoadBalancer.Bgp!, "edge", SourceSpan.File("cluster.yaml"), diagnostics).ShouldBeNull();
        var diagnostic = diagnostics.Items.Single();
        diagnostic.Code.ShouldBe(DiagnosticCatalog.BgpPeerUnknown.Code);
        diagnostic.Message.ShouldContain("'edge'");
        diagnostic.Hint!.ShouldContain("udm-pro");
    }

    [Fact]
    public void Select_TwoRoutersWithoutPeer_IsAmbiguous()
    {
        var config = TestClusters.Bundled(("        address: 172.29.51.1\n        asn: 64513\n", "        address: 172.29.51.1\n        asn: 64513\n      - name: edge\n        address: 172.29.51.2\n        asn: 64514\n"));
        var diagnostics = new DiagnosticBag();
        BgpRouter.Select(config.LoadBalancer.Bgp!, null, SourceSpan.File("cluster.yaml"), diagnostics).ShouldBeNull();
        diagnostics.Items.Single().Code.ShouldBe(DiagnosticCatalog.BgpPeerAmbiguous.Code);
        BgpRouter.Select(config.LoadBalancer.Bgp!, "edge", SourceSpan.File("cluster.yaml"), diagnostics)!.Asn.ShouldBe(64514);
    }
}
