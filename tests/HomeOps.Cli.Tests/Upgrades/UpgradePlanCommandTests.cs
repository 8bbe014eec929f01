using System.Text.Json.Nodes;
using HomeOps.Cli.Tests.Status;
using HomeOps.Testing;

namespace HomeOps.Cli.Tests.Upgrades;

/// <summary>`homeops upgrade plan` against the recorded cluster status uses (three Talos v1.10.5 nodes, kubelet v1.31.1).</summary>
public sealed class UpgradePlanCommandTests
{
    private static async Task<StatusFixture> ClusterWithRepositoryAsync()
    {
        var fixture = await StatusFixture.StartAsync();
        File.Copy(RepositoryPaths.ClusterFile, Path.Combine(fixture.Folder.Path, "cluster.yaml"));
        return fixture;
    }

    [Fact]
    public async Task Plan_Live_ReadsTheNodesOnceAndPrintsTheHopsInOrder()
    {
        await using var cluster = await ClusterWithRepositoryAsync();

        var result = await cluster.RunAsync("upgrade", "plan", "--kubeconfig", cluster.Kubeconfig, "--talos", "v1.12.11", "--kubernetes", "v1.33.6");

        result.ExitCode.ShouldBe(0, result.Out + result.Error);
        cluster.ListRequests.ShouldBe(1);
        result.Out.Replace(cluster.Server.Url.ToString(), "<server>/", StringComparison.Ordinal).ShouldBe("""
            Running (from the cluster at <server>/): Talos v1.10.5, Kubernetes v1.31.1
              mini01: Talos v1.10.5, kubelet v1.31.1
              mini02: Talos v1.10.5, kubelet v1.31.1
              mini03: Talos v1.10.5, kubelet v1.31.1
            Target: Talos v1.12.11, Kubernetes v1.33.6
              1. Talos v1.10.5 → v1.10.9       the newest patch of v1.10 before the next minor (Talos tests upgrades between adjacent minors)
              2. Talos v1.10.9 → v1.11.6       the newest patch of v1.11 on the way (no minor is skipped)
              3. Talos v1.11.6 → v1.12.11      the target
              4. Kubernetes v1.31.1 → v1.32.4  one Kubernetes minor at a time (talosctl upgrade-k8s allows no skip)
              5. Kubernetes v1.32.4 → v1.33.6  the target
            3 Talos and 2 Kubernetes step(s); every pair on the way is one Talos supports (docs/upgrades.md).

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plan_Json_HasTheStepsAndTheNodes()
    {
        await using var cluster = await ClusterWithRepositoryAsync();

        var result = await cluster.RunAsync("upgrade", "plan", "--kubeconfig", cluster.Kubeconfig, "--talos", "v1.11.6", "--format", "json");

        result.ExitCode.ShouldBe(0, result.Out + result.Error);
        var json = JsonNode.Parse(result.Out)!;
        json["running"]!["talos"]!.GetValue<string>().ShouldBe("v1.10.5");
        json["nodes"]!.AsArray().Count.ShouldBe(3);
        json["steps"]!.AsArray().Select(s => $"{s!["kind"]} {s["from"]} {s["to"]}").ShouldBe(["talos v1.10.5 v1.10.9", "talos v1.10.9 v1.11.6"]);
        json["diagnostics"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Plan_UnreachableTarget_ExitsOneNamingTheBlockingPair()
    {
        await using var cluster = await ClusterWithRepositoryAsync();

        var result = await cluster.RunAsync("upgrade", "plan", "--kubeconfig", cluster.Kubeconfig, "--talos", "v1.11.6", "--kubernetes", "v1.36.0");

        result.ExitCode.ShouldBe(1);
        result.Out.ShouldContain("error HO9003: Talos v1.11.6 does not support Kubernetes v1.36.0: it supports v1.29–v1.34");
        result.Out.ShouldNotContain("1. ");
    }

    [Fact]
    public async Task Plan_NoKubeconfig_ExitsTwoAndOffersOffline()
    {
        await using var cluster = await ClusterWithRepositoryAsync();

        var result = await cluster.RunAsync("upgrade", "plan");

        result.ExitCode.ShouldBe(2);
        result.Out.ShouldContain("error HO9007");
        result.Out.ShouldContain("--offline");
        cluster.ListRequests.ShouldBe(0);
    }
}
