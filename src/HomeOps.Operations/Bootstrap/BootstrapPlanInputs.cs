using HomeOps.Core.Diagnostics;
using HomeOps.Operations.Bootstrap.Tree;

namespace HomeOps.Operations.Bootstrap;

/// <summary>What the plan is built from besides cluster.yaml: the tree and the core charts found in it.</summary>
public sealed record BootstrapPlanInputs(GitOpsTree Tree, IReadOnlyList<CoreChart> Charts, IReadOnlyList<Diagnostic> ChartDiagnostics);
