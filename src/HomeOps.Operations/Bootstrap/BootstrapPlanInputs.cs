using HomeOps.Operations.Bootstrap.Tree;

namespace HomeOps.Operations.Bootstrap;

/// <summary>What the plan is built from besides cluster.yaml: the built tree and the core charts resolved from it (all of them).</summary>
public sealed record BootstrapPlanInputs(BootstrapTree Tree, IReadOnlyList<CoreChart> Charts)
{
    /// <summary>The CNI's chart (installed right after the nodes register).</summary>
    public CoreChart? Cni => Charts.FirstOrDefault(c => c.Name == CoreCharts.Cni);

    /// <summary>The charts installed after the CNI, in order.</summary>
    public IReadOnlyList<CoreChart> Workloads => [.. Charts.Where(c => c.Name != CoreCharts.Cni)];
}
