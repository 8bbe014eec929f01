using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Platform;
using HomeOps.Testing;

namespace HomeOps.Core.Tests.Platform;

public sealed class PlatformFilesTests
{
    /// <summary>The bundled cluster's second router session, over IPv6, which announces the IPv6 pool.</summary>
    internal const string Ipv6Session = "      - name: udm-pro-v6\n        address: fd47:25e1:2f96:51::1\n        asn: 64513\n";

    /// <summary>The bundled cluster (IPv4 and IPv6 sessions) with its Git repository reached over SSH.</summary>
    internal static ClusterDefinition DualStackPeers() => TestClusters.Bundled(
        ("repository: https://github.com/geoffdavis/talos-gitops", "repository: git@github.com:geoffdavis/talos-gitops.git"));

    /// <summary>The bundled cluster without its IPv6 session.</summary>
    internal static ClusterDefinition Ipv4SessionOnly() => TestClusters.Bundled((Ipv6Session, string.Empty));

    [Fact]
    public void Render_BundledCluster_MatchesTheCommittedFiles()
    {
        // The committed tree is the golden output: `homeops check` fails the same way when they drift.
        var result = PlatformFiles.Generate(TestClusters.Bundled());
        result.Diagnostics.ShouldBeEmpty();
        result.Files.Select(f => f.Path).ShouldBe(
        [
            "clusters/home-ops/cluster-settings.yaml",
            "clusters/home-ops/flux-system/sync.yaml",
            "infrastructure/cilium-config/load-balancer-pools.yaml",
            "infrastructure/cilium-config/bgp.yaml",
            "talos/patches/all/longhorn.yaml",
        ]);
        foreach (var file in result.Files)
        {
            file.Content.ShouldStartWith(PlatformFiles.Header);
            File.ReadAllText(RepositoryPaths.Combine(file.Path)).ShouldBe(file.Content, file.Path);
        }
    }

    [Fact]
    public void Render_DualStackPeersOverSsh_MatchesGolden()
    {
        var result = PlatformFiles.Generate(DualStackPeers());
        result.Diagnostics.ShouldBeEmpty();
        foreach (var file in result.Files)
        {
            Golden.Assert(file.Content, $"tests/HomeOps.Core.Tests/Golden/Platform/dual-stack-peers/{file.Path}");
        }

        var bgp = result.Files.Single(f => f.Path.EndsWith("bgp.yaml", StringComparison.Ordinal)).Content;
        bgp.ShouldContain("name: ipv6-load-balancers");
        bgp.ShouldNotContain("Not announced");
        result.Files.Single(f => f.Path.EndsWith("sync.yaml", StringComparison.Ordinal)).Content.ShouldContain("secretRef:");
    }

    [Fact]
    public void Render_WithoutIpv6Session_LeavesTheIpv6PoolUnannouncedAndSaysSo()
    {
        var bgp = PlatformFiles.Generate(Ipv4SessionOnly()).Files.Single(f => f.Path.EndsWith("bgp.yaml", StringComparison.Ordinal)).Content;
        bgp.ShouldContain("# Not announced: pool(s) bgp-default-ipv6");
        bgp.ShouldNotContain("ipv6-load-balancers");
    }

    [Fact]
    public void Render_Bundled_MakesTheIpv6PoolServeDefaultAndIngressAndAnnouncesIt()
    {
        var files = PlatformFiles.Generate(TestClusters.Bundled()).Files;
        var pools = files.Single(f => f.Path.EndsWith("load-balancer-pools.yaml", StringComparison.Ordinal)).Content;
        pools.ShouldContain("    matchExpressions:\n      - key: io.cilium/lb-ipam-pool\n        operator: In\n        values:\n          - bgp-default-ipv6\n          - bgp-default\n          - bgp-ingress\n");
        var bgp = files.Single(f => f.Path.EndsWith("bgp.yaml", StringComparison.Ordinal)).Content;
        bgp.ShouldContain("peerAddress: \"fd47:25e1:2f96:51::1\"\n          peerConfigRef:\n            name: ipv6-load-balancers\n");
        // The IPv6 advertisement selects every Service the IPv6 pool serves.
        bgp[bgp.IndexOf("name: ipv6-load-balancers\n  labels:", StringComparison.Ordinal)..].ShouldContain("values:\n              - bgp-default-ipv6\n              - bgp-default\n              - bgp-ingress\n");
        bgp.ShouldNotContain("Not announced");
    }

    [Fact]
    public void Render_IsDeterministic() =>
        PlatformFiles.Generate(DualStackPeers()).Files.ShouldBe(PlatformFiles.Generate(DualStackPeers()).Files);


    [Fact]
    public void Render_WithoutBackupTarget_ReportsTheMissingKeyAtTheStorageSection()
    {
        var config = TestClusters.Bundled(("  backup:\n    bucket: longhorn-backups-home-ops\n    region: us-west-2\n", string.Empty));
        var result = PlatformFiles.Generate(config);
        result.Files.ShouldBeEmpty();
        var diagnostic = result.Diagnostics.Single();
        diagnostic.Code.ShouldBe(DiagnosticCatalog.TreeValueMissing.Code);
        diagnostic.Message.ShouldContain("S3 bucket");
        diagnostic.Hint!.ShouldContain("storage.backup.bucket");
        diagnostic.Location.Line.ShouldBe(TestClusters.BundledText.Split('\n').ToList().FindIndex(l => l.StartsWith("  dataDisk:", StringComparison.Ordinal)) + 1);
    }

    [Fact]
    public void Render_WithoutCloudflareStorageAndAcmeEmail_ReportsEach()
    {
        var config = TestClusters.Bundled(("  acmeEmail: admin@geoffdavis.com\n", string.Empty)) with { Cloudflare = null, Storage = null };
        var result = PlatformFiles.Generate(config);
        result.Files.ShouldBeEmpty();
        result.Diagnostics.Select(d => d.Code).ShouldBe(["HO3803", "HO3803", "HO3803"]);
        result.Diagnostics.Select(d => d.Hint).ShouldContain(h => h!.Contains("cloudflare.tunnelId"));
        result.Diagnostics.Select(d => d.Hint).ShouldContain(h => h!.Contains("domains.acmeEmail"));
        result.Diagnostics.Select(d => d.Hint).ShouldContain(h => h!.Contains("storage:"));
    }

    [Theory]
    [InlineData(LoadBalancerMode.L2)]
    [InlineData(LoadBalancerMode.None)]
    public void Render_LoadBalancerModeOtherThanBgp_IsUnsupported(LoadBalancerMode mode)
    {
        var config = TestClusters.Bundled();
        config = config with { LoadBalancer = config.LoadBalancer with { Mode = mode } };
        var result = PlatformFiles.Generate(config);
        result.Diagnostics.Single().Code.ShouldBe(DiagnosticCatalog.LoadBalancerModeUnsupported.Code);
        result.Diagnostics.Single().Message.ShouldContain($"'{(mode == LoadBalancerMode.L2 ? "l2" : "none")}'");
    }

    [Fact]
    public void LonghornPatch_DescribesTheDataDisk()
    {
        var storage = TestClusters.Bundled().Storage!;
        LonghornTalosPatch.DisksConfig(storage).ShouldBe("""[{"name":"longhorn-ssd","path":"/var/mnt/longhorn-ssd","allowScheduling":true,"tags":["ssd"]}]""");
        System.Text.Json.JsonDocument.Parse(LonghornTalosPatch.DisksConfig(storage)).RootElement.GetArrayLength().ShouldBe(1);
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData("a\\b", "\"a\\\\b\"")]
    [InlineData("line\nbreak", "\"line\\nbreak\"")]
    [InlineData("", "\"\"")]
    public void Quote_Value_IsADoubleQuotedYamlString(string value, string expected)
    {
        Core.Yaml.YamlScalarStyle.DoubleQuoted(value).ShouldBe(expected);
        var parsed = Core.Yaml.YamlReader.ReadSingle("key: " + expected, "t.yaml", new DiagnosticBag()) as Core.Yaml.YamlMapping;
        ((Core.Yaml.YamlScalar)parsed!["key"]!).Value.ShouldBe(value);
    }
}
