using System.Text.Json.Nodes;
using HomeOps.Fakes.Kubernetes;
using HomeOps.Operations.Status;
using HomeOps.Operations.Upgrades;
using HomeOps.Runtime.Kubernetes;
using HomeOps.Testing;

namespace HomeOps.Operations.Tests.Upgrades;

/// <summary>
/// `homeops upgrade plan` reads the running versions from the Node objects the fake API server serves over HTTP
/// (written as a Talos node's kubelet writes them), or from cluster.yaml offline.
/// </summary>
public sealed class UpgradePlanServiceTests : IAsyncLifetime
{
    private readonly InMemoryFileSystem _files = new();
    private FakeKubeApiServer _server = null!;
    private string _kubeconfig = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await FakeKubeApiServer.StartAsync();
        _kubeconfig = FakeKubeconfig.Write(Path.Combine(Path.GetTempPath(), $"homeops-kubeconfig-{Guid.NewGuid():N}"), _server.Url.ToString());
        _files.WriteAllTextAtomic("/repo/cluster.yaml", File.ReadAllText(RepositoryPaths.ClusterFile));
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        File.Delete(_kubeconfig);
    }

    private Workspace Repository() => Workspace.Locate(_files, "/repo", clusterFile: null);

    private ClusterSnapshot Api() => new(new KubeClientFactory(TimeProvider.System, maxRetries: 1, retryDelay: TimeSpan.FromMilliseconds(10)).Create(_kubeconfig));

    /// <summary>A Node as the kubelet of a Talos node posts it: osImage from PRETTY_NAME, the kubelet's version.</summary>
    private void AddNode(string name, string osImage, string kubelet) =>
        _server.Store.Create(_server.Store.Type("", "v1", "nodes")!, null, new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Node",
            ["metadata"] = new JsonObject { ["name"] = name },
            ["status"] = new JsonObject
            {
                ["nodeInfo"] = new JsonObject
                {
                    ["osImage"] = osImage,
                    ["kubeletVersion"] = kubelet,
                    ["kernelVersion"] = "6.12.40-talos",
                    ["containerRuntimeVersion"] = "containerd://2.0.5",
                    ["operatingSystem"] = "linux",
                    ["architecture"] = "amd64",
                },
            },
        });

    [Fact]
    public async Task Plan_Live_StartsFromTheLowestVersionsAmongTheNodes()
    {
        AddNode("mini01", "Talos (v1.10.5)", "v1.31.1");
        AddNode("mini02", "Talos (v1.10.3)", "v1.31.1");
        AddNode("mini03", "Talos (v1.10.5)", "v1.30.5");

        var result = await UpgradePlanService.PlanAsync(Repository(), new UpgradePlanRequest("v1.11.6", "v1.31.4"), Api(), Ct);

        result.Diagnostics.ShouldBeEmpty();
        result.RunningFrom.ShouldStartWith("the cluster at http://127.0.0.1:");
        result.Nodes.Select(n => $"{n.Node} {n.Talos} {n.Kubelet}").ShouldBe(["mini01 v1.10.5 v1.31.1", "mini02 v1.10.3 v1.31.1", "mini03 v1.10.5 v1.30.5"]);
        result.Plan!.Steps.Select(s => s.Describe()).ShouldBe(
        [
            "Talos v1.10.3 → v1.10.9",
            "Talos v1.10.9 → v1.11.6",
            "Kubernetes v1.30.5 → v1.31.4",
        ]);
    }

    [Fact]
    public async Task Plan_Offline_StartsFromClusterYamlAndTakesItsTargetsByDefault()
    {
        var same = await UpgradePlanService.PlanAsync(Repository(), new UpgradePlanRequest(null, null), cluster: null, Ct);
        same.Diagnostics.ShouldBeEmpty();
        same.RunningFrom.ShouldBe("cluster.yaml");
        same.Plan!.Steps.ShouldBeEmpty();

        var newer = await UpgradePlanService.PlanAsync(Repository(), new UpgradePlanRequest("v1.11.6", null), cluster: null, Ct);
        newer.Plan!.Steps.Select(s => s.Describe()).ShouldBe(["Talos v1.10.5 → v1.10.9", "Talos v1.10.9 → v1.11.6"]);
    }

    [Fact]
    public async Task Plan_NodeThatDoesNotReportTalos_IsAnErrorNamingIt()
    {
        AddNode("mini01", "Talos (v1.10.5)", "v1.31.1");
        AddNode("pi", "Ubuntu 24.04.1 LTS", "v1.31.1");

        var result = await UpgradePlanService.PlanAsync(Repository(), new UpgradePlanRequest(null, null), Api(), Ct);

        result.Plan.ShouldBeNull();
        var problem = result.Diagnostics.ShouldHaveSingleItem();
        problem.Code.ShouldBe("HO9008");
        problem.Message.ShouldContain("Node pi");
        problem.Message.ShouldContain("Ubuntu 24.04.1 LTS");
    }

    [Fact]
    public async Task Plan_ClusterNotAnswering_IsAnErrorThatSuggestsOffline()
    {
        await _server.StopAsync();

        var result = await UpgradePlanService.PlanAsync(Repository(), new UpgradePlanRequest(null, null), Api(), Ct);

        result.Plan.ShouldBeNull();
        var problem = result.Diagnostics.ShouldHaveSingleItem();
        problem.Code.ShouldBe("HO9007");
        problem.Hint!.ShouldContain("--offline");
    }

    [Fact]
    public async Task Plan_TargetThatIsNotAVersion_IsAnErrorNamingTheOption()
    {
        var result = await UpgradePlanService.PlanAsync(Repository(), new UpgradePlanRequest("latest", null), cluster: null, Ct);

        result.Diagnostics.ShouldHaveSingleItem().Message.ShouldBe("'latest' (--talos) is not a release version");
    }
}
