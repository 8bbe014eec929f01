using HomeOps.Core.Diagnostics;

namespace HomeOps.Operations.Upgrades;

/// <summary>
/// The real node steps of an upgrade: <see cref="CnpgSwitchover"/> moves the PostgreSQL primaries off the node,
/// <see cref="NodeDrain"/> drains it (Eviction API, PodDisruptionBudgets respected) and uncordons it afterwards.
/// </summary>
public sealed class ClusterNodeSteps(NodeStepContext context, TimeSpan drainTimeout, TimeSpan switchoverTimeout) : IUpgradeNodeSteps
{
    public Task<IReadOnlyList<Diagnostic>> MovePrimaryAwayAsync(string node, CancellationToken cancellationToken) =>
        CnpgSwitchover.MovePrimariesOffAsync(context, node, switchoverTimeout, cancellationToken);

    public Task<IReadOnlyList<Diagnostic>> DrainAsync(string node, CancellationToken cancellationToken) =>
        NodeDrain.DrainAsync(context, node, drainTimeout, cancellationToken);

    public Task<IReadOnlyList<Diagnostic>> UncordonAsync(string node, CancellationToken cancellationToken) =>
        NodeDrain.UncordonAsync(context, node, cancellationToken);
}
