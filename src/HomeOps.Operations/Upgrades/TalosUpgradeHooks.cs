using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Diagnostics;
using HomeOps.Operations.Nodes;

namespace HomeOps.Operations.Upgrades;

/// <summary>
/// What `homeops upgrade talos` does around each node's `talosctl upgrade` (one hop, to <paramref name="version"/>).
/// Before: etcd (quorum kept while this node restarts), Longhorn (no volume whose only healthy replica is here) and
/// Flux gates, then the PostgreSQL primaries moved away (and checked gone), then the drain. Rejoined: the node must
/// report the target version and the schematic asked for (else HO9009/HO9010, before anything else happens), then
/// its kubelet Ready on the new image. After: uncordon, then every Longhorn volume healthy again and etcd healthy
/// before the next node.
/// </summary>
public sealed class TalosUpgradeHooks(UpgradeRunContext context, string version) : INodeRolloutHooks
{
    private readonly UpgradeGates _gates = new(context);

    public async Task<IReadOnlyList<Diagnostic>> BeforeAsync(NodeSettings node, CancellationToken cancellationToken)
    {
        foreach (var gate in new[] { UpgradeGates.Etcd, UpgradeGates.Longhorn, UpgradeGates.Flux })
        {
            if (await _gates.WaitAsync(gate, $"before {node.Name}", node, cancellationToken).ConfigureAwait(false) is { } blocked)
            {
                return [blocked];
            }
        }

        context.Log($"{node.Name}: moving PostgreSQL primaries off the node");
        if (await context.Steps.MovePrimaryAwayAsync(node.Name, cancellationToken).ConfigureAwait(false) is { Count: > 0 } notMoved)
        {
            return notMoved;
        }

        if (await _gates.WaitAsync(UpgradeGates.Cnpg, $"before {node.Name}", node, cancellationToken).ConfigureAwait(false) is { } primaryHere)
        {
            return [primaryHere];
        }

        context.Log($"{node.Name}: draining (cordon, evict with PodDisruptionBudgets respected)");
        return await context.Steps.DrainAsync(node.Name, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Diagnostic>> RejoinedAsync(NodeSettings node, CancellationToken cancellationToken)
    {
        var wanted = TalosNodeImage.Wanted(context.Nodes.Cluster, node);
        var image = await ReadUntilAnsweredAsync(node, cancellationToken).ConfigureAwait(false);
        if (image.Error is { } error)
        {
            return [DiagnosticCatalog.UpgradeNodeUnreadable.At(context.Nodes.Location, node.Name, node.Address, error)];
        }

        if (image.Version != version)
        {
            return [DiagnosticCatalog.UpgradeNodeBootedOldImage.At(context.Nodes.Location, node.Name, image.Version, image.Schematic, version, wanted.Id, node.Address)];
        }

        if (image.Schematic != wanted.Id)
        {
            return [DiagnosticCatalog.UpgradeNodeSchematicMismatch.At(context.Nodes.Location, node.Name, image.Version, image.Schematic, wanted.Id, wanted.InstallerImage(version))];
        }

        context.Log($"{node.Name}: runs Talos {version} with schematic {wanted.Id}");
        return await _gates.WaitAsync(UpgradeGates.NodeReady, $"after {node.Name}", node, cancellationToken, version).ConfigureAwait(false) is { } notReady ? [notReady] : [];
    }

    public async Task<IReadOnlyList<Diagnostic>> AfterAsync(NodeSettings node, CancellationToken cancellationToken)
    {
        context.Log($"{node.Name}: uncordoning");
        if (await context.Steps.UncordonAsync(node.Name, cancellationToken).ConfigureAwait(false) is { Count: > 0 } stillCordoned)
        {
            return stillCordoned;
        }

        foreach (var gate in new[] { UpgradeGates.Longhorn, UpgradeGates.Etcd })
        {
            if (await _gates.WaitAsync(gate, $"after {node.Name}", null, cancellationToken).ConfigureAwait(false) is { } unsettled)
            {
                return [unsettled];
            }
        }

        return [];
    }

    public IEnumerable<string> Plan(NodeSettings node, string phase) => phase switch
    {
        "before" =>
        [
            Gate(UpgradeGates.Etcd, $"before {node.Name}", node), Gate(UpgradeGates.Longhorn, $"before {node.Name}", node), Gate(UpgradeGates.Flux, $"before {node.Name}", node),
            $"move the PostgreSQL primaries off {node.Name}", Gate(UpgradeGates.Cnpg, $"before {node.Name}", node),
            $"drain {node.Name} (cordon, evict with PodDisruptionBudgets respected)",
        ],
        "rejoined" =>
        [
            $"verify {node.Name} reports Talos {version} and schematic {TalosNodeImage.Wanted(context.Nodes.Cluster, node).Id} (talosctl version, talosctl get extensions)",
            Gate(UpgradeGates.NodeReady, $"after {node.Name}", node),
        ],
        _ => [$"uncordon {node.Name}", Gate(UpgradeGates.Longhorn, $"after {node.Name}", null), Gate(UpgradeGates.Etcd, $"after {node.Name}", null)],
    };

    private string Gate(string gate, string when, NodeSettings? node) =>
        $"gate {gate} {when}: {UpgradeGates.WaitsFor(gate, node, version)} (up to {_gates.TimeoutOf(gate).TotalMinutes:0.#} min)";

    /// <summary>The node's API answers once it has booted; talosctl upgrade --wait returns then, but give it the Ready timeout.</summary>
    private async Task<TalosNodeImage> ReadUntilAnsweredAsync(NodeSettings node, CancellationToken cancellationToken)
    {
        var deadline = context.Time.GetUtcNow() + context.Timeouts.NodeReady;
        while (true)
        {
            var image = await TalosNodeImage.ReadAsync(context.Nodes, node, cancellationToken).ConfigureAwait(false);
            if (image.Error is null || context.Time.GetUtcNow() >= deadline)
            {
                return image;
            }

            await Task.Delay(context.PollInterval, context.Time, cancellationToken).ConfigureAwait(false);
        }
    }
}
