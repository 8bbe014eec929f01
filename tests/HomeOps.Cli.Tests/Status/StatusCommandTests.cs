using HomeOps.Testing;

namespace HomeOps.Cli.Tests.Status;

/// <summary>
/// `homeops status` end to end: the real KubernetesClient against the fake API server serving a recorded cluster
/// (a Flux chain broken at postgresql-cluster, pods and claims that are not Ready, a failed HelmRelease).
/// </summary>
public sealed class StatusCommandTests
{
    private const string GoldenFolder = "tests/HomeOps.Cli.Tests/Status/golden";

    [Fact]
    public async Task Status_RecordedCluster_MatchesGoldenText()
    {
        await using var fixture = await StatusFixture.StartAsync();

        var result = await fixture.RunAsync("status", "--kubeconfig", fixture.Kubeconfig);

        result.Error.ShouldBeEmpty();
        Golden.Assert(result.Out, $"{GoldenFolder}/status.txt");
        result.ExitCode.ShouldBe(1, "something is unhealthy");
    }

    [Fact]
    public async Task Status_RecordedCluster_MatchesGoldenJson()
    {
        await using var fixture = await StatusFixture.StartAsync();

        var result = await fixture.RunAsync("status", "--kubeconfig", fixture.Kubeconfig, "--format", "json");

        Golden.Assert(result.Out, $"{GoldenFolder}/status.json");
        result.ExitCode.ShouldBe(1);
    }

    [Fact]
    public async Task Status_RecordedCluster_OneListRequestPerKind()
    {
        await using var fixture = await StatusFixture.StartAsync();
        var before = fixture.ListRequests;

        var result = await fixture.RunAsync("status", "--kubeconfig", fixture.Kubeconfig);

        var sent = fixture.ListRequests - before;
        result.Out.ShouldContain($"{sent} API request(s) for {sent} kind(s)");
        sent.ShouldBeGreaterThanOrEqualTo(fixture.Kinds.Count, "every kind of the fixture is read");
        fixture.Server.Requests.ShouldAllBe(r => r.StartsWith("GET ", StringComparison.Ordinal), "status only reads");
    }

    [Fact]
    public async Task Status_FluxChainBroken_OneLinePerRootCause()
    {
        await using var fixture = await StatusFixture.StartAsync();

        var result = await fixture.RunAsync("status", "--kubeconfig", fixture.Kubeconfig);

        var rootCauseLines = result.Out.Split('\n').Where(l => l.Contains("(HO6101)", StringComparison.Ordinal)).ToList();
        rootCauseLines.Count.ShouldBe(2, result.Out);
        rootCauseLines[0].ShouldContain("ks/flux-system/postgresql-cluster fails: HealthCheckFailed");
        rootCauseLines[0].ShouldContain("blocks 5: ks/flux-system/authentik, ks/flux-system/authentik-proxy, ks/flux-system/authentik-proxy-config, ks/flux-system/cnpg-monitoring, ks/flux-system/home-assistant");
        rootCauseLines[1].ShouldContain("hr/kubernetes-dashboard/kubernetes-dashboard fails: InstallFailed");
        result.Out.ShouldContain("ks/flux-system/home-assistant");
        result.Out.ShouldMatch(@"XX  ks/flux-system/home-assistant\s+blocked by ks/flux-system/postgresql-cluster\n");
    }

    [Fact]
    public async Task Status_BgpPeerDownOnEveryNode_OneLineNamingTheNodes()
    {
        await using var fixture = await StatusFixture.StartAsync();

        var result = await fixture.RunAsync("status", "--kubeconfig", fixture.Kubeconfig);

        var lines = result.Out.Split('\n').Where(l => l.Contains("(HO6110)", StringComparison.Ordinal)).ToList();
        lines.ShouldHaveSingleItem().ShouldContain("BGP peer udm-pro-v6 (fd47:25e1:2f96:51::1) is not established on 3 of 3 node(s): mini01 (active), mini02 (active), mini03 (active)");
        result.Out.ShouldMatch(@"ok  pool/bgp-default\s+6 of 100 used, 94 available\n");
    }

    [Fact]
    public async Task Status_DegradedVolumeAndFullDisk_LonghornSaysWhich()
    {
        await using var fixture = await StatusFixture.StartAsync();

        var result = await fixture.RunAsync("status", "--kubeconfig", fixture.Kubeconfig);

        result.Out.ShouldContain("Longhorn [warning] 5 healthy, 1 degraded, 0 faulted of 6 volume(s); 3/3 node(s) Ready; 2/3 disk(s) schedulable\n");
        result.Out.ShouldContain("!!  1 Longhorn volume(s) degraded (fewer healthy replicas than asked): pvc-0b6f1d2e-4c1a-4f55-9d7e-1a2b3c4d5e03 (postgresql-system/postgresql-cluster-2) (HO6121)");
        result.Out.ShouldMatch(@"!!  disk/mini03/default-disk-fd30000000000\s+not schedulable: DiskPressure: ");
    }
}
