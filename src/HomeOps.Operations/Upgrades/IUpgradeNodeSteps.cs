using HomeOps.Core.Diagnostics;

namespace HomeOps.Operations.Upgrades;

/// <summary>
/// What an upgrade does to a node's workloads around its restart, behind a seam so the runner does not own it:
/// move the CloudNativePG primaries off the node, drain it (cordon, evict with PodDisruptionBudgets respected), and
/// uncordon it once it is back. Each returns the diagnostics that stop the run (none: done).
/// </summary>
public interface IUpgradeNodeSteps
{
    Task<IReadOnlyList<Diagnostic>> MovePrimaryAwayAsync(string node, CancellationToken cancellationToken);

    Task<IReadOnlyList<Diagnostic>> DrainAsync(string node, CancellationToken cancellationToken);

    Task<IReadOnlyList<Diagnostic>> UncordonAsync(string node, CancellationToken cancellationToken);
}
