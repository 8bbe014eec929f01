using System.Collections.Concurrent;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Graph;
using HomeOps.Fakes.Programs;
using HomeOps.Operations.Bootstrap;
using HomeOps.Operations.Bootstrap.Steps;
using HomeOps.Operations.Config;
using HomeOps.Runtime.Files;
using HomeOps.Runtime.Kubernetes;
using HomeOps.Runtime.Processes;
using HomeOps.Testing;

namespace HomeOps.Operations.Tests.Bootstrap;

/// <summary>
/// The plan the bootstrap builds from the repository's own tree, for clusters of 1, 3 and 5 nodes: the order
/// a working cluster needs (issue 12: Cilium was silently missing from it).
/// </summary>
public sealed class BootstrapPlanTests
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<DependencyGraph<BootstrapStep>>>> s_plans = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The step graph for the repository's tree and a fixture cluster.yaml, after `homeops render`.</summary>
    internal static Task<DependencyGraph<BootstrapStep>> PlanAsync(string fixture) => s_plans.GetOrAdd(fixture, f => new(async () =>
    {
        var root = RepositoryCopy.Create(BootstrapHarness.ClusterFile(f), "homeops-plan-");
        try
        {
            var cluster = BootstrapHarness.RenderGeneratedFiles(root);
            var workspace = Workspace.Locate(PhysicalFileSystem.Instance, root, null);
            var (inputs, problems) = await BootstrapService.PlanInputsAsync(workspace, Environment(new RecordingProgress()), cluster, CancellationToken.None);
            problems.ShouldBeEmpty();
            var (graph, cycle) = BootstrapEngine.BuildGraph(BootstrapPlan.Steps(inputs!), SourceSpan.File("cluster.yaml"));
            cycle.ShouldBeNull();
            return graph!;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    })).Value;

    internal static BootstrapEnvironment Environment(RecordingProgress progress) =>
        new(new FakeCommandRunner(), new KubeClientFactory(TimeProvider.System, u => u), TimeProvider.System, progress) { CheckRunner = ProcessCommandRunner.Instance };

    [Theory]
    [MemberData(nameof(BootstrapHarness.ClusterFixtures), MemberType = typeof(BootstrapHarness))]
    public async Task Plan_EveryClusterSize_InstallsCiliumRightAfterTheNodesRegister(string fixture)
    {
        var order = (await PlanAsync(fixture)).TopologicalOrder().ToList();

        order.ShouldContain(ChartStep.StepName("cilium"));
        order.IndexOf(ChartStep.StepName("cilium")).ShouldBe(order.IndexOf(NodesRegisteredStep.StepName) + 1, string.Join(", ", order));
    }

    [Theory]
    [MemberData(nameof(BootstrapHarness.ClusterFixtures), MemberType = typeof(BootstrapHarness))]
    public async Task Plan_EveryClusterSize_CniBeforeAnyWorkloadChart(string fixture)
    {
        var graph = await PlanAsync(fixture);

        var workloads = graph.Names.Where(n => n.StartsWith("chart-", StringComparison.Ordinal) && n != ChartStep.StepName("cilium")).ToList();
        workloads.Count.ShouldBe(3);
        workloads.ShouldAllBe(n => graph.Ancestors(n).Contains(ChartStep.StepName("cilium")));
        graph.Ancestors(CrdsStep.StepName).ShouldContain(ChartStep.StepName("cilium"));
    }

    [Theory]
    [MemberData(nameof(BootstrapHarness.ClusterFixtures), MemberType = typeof(BootstrapHarness))]
    public async Task Plan_EveryClusterSize_SecretsBeforeExternalSecrets(string fixture)
    {
        var graph = await PlanAsync(fixture);

        graph.Ancestors(ChartStep.StepName("external-secrets")).ShouldContain(BootstrapSecretsStep.StepName);
        graph.Ancestors(ChartStep.StepName("onepassword-connect")).ShouldContain(BootstrapSecretsStep.StepName);
    }

    [Theory]
    [MemberData(nameof(BootstrapHarness.ClusterFixtures), MemberType = typeof(BootstrapHarness))]
    public async Task Plan_EveryClusterSize_ExternalSecretsAndOnePasswordBeforeFluxAndFluxLast(string fixture)
    {
        var graph = await PlanAsync(fixture);
        var order = graph.TopologicalOrder().ToList();

        graph.Ancestors(ChartStep.StepName("flux")).ShouldContain(ChartStep.StepName("external-secrets"));
        graph.Ancestors(ChartStep.StepName("flux")).ShouldContain(ChartStep.StepName("onepassword-connect"));
        order.Skip(order.IndexOf(ChartStep.StepName("flux"))).ShouldBe([ChartStep.StepName("flux"), FluxInstanceStep.StepName, FluxSyncStep.StepName, FluxReadyStep.StepName]);
        graph.Names.Where(n => n != FluxReadyStep.StepName).ShouldAllBe(n => graph.Ancestors(FluxReadyStep.StepName).Contains(n));
    }
}
