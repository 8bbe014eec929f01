using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Diagnostics;
using HomeOps.Operations.Bootstrap;
using HomeOps.Runtime.Processes;
using HomeOps.Runtime.Tools;

namespace HomeOps.Operations.Nodes;

/// <summary>
/// `homeops talos apply`, `upgrade` and `reboot`: one node at a time, each followed by `talosctl health` for
/// that node, stopping at the first node that does not come back healthy so the others keep etcd quorum.
/// `homeops upgrade talos` runs the same rollout with <see cref="INodeRolloutHooks"/> around each node and an
/// installer image per node (its schematic).
/// </summary>
public static class NodeRollout
{
    public enum Action
    {
        Apply,
        Upgrade,
        Reboot,
    }

    public sealed record Request(Action Kind, IReadOnlyList<string> Nodes, string? Image, TimeSpan HealthTimeout, bool DryRun)
    {
        /// <summary>The installer image of each node (its own schematic); else <see cref="Image"/> for all.</summary>
        public Func<NodeSettings, string>? ImageFor { get; init; }

        /// <summary>Steps around each node's change.</summary>
        public INodeRolloutHooks? Hooks { get; init; }

        /// <summary>Control planes one by one first, then workers (else cluster.yaml's order).</summary>
        public bool ControlPlanesFirst { get; init; }

        /// <summary>
        /// What a change the node refused (talosctl's non-zero exit: node, command, its answer) is reported as; else
        /// <see cref="DiagnosticCatalog.NodeUnhealthy"/>.
        /// </summary>
        public Func<NodeSettings, CommandSpec, string, Diagnostic>? ChangeRefused { get; init; }
    }

    public static async Task<IReadOnlyList<Diagnostic>> RunAsync(NodeOperationContext context, Request request, CancellationToken cancellationToken)
    {
        var (nodes, error) = context.Select(request.Nodes);
        if (error is not null)
        {
            return [error];
        }

        if (request.ControlPlanesFirst)
        {
            nodes = [.. nodes.Where(n => n.Role == NodeRole.ControlPlane), .. nodes.Where(n => n.Role != NodeRole.ControlPlane)];
        }

        var hooks = request.Hooks;

        try
        {
            foreach (var node in nodes)
            {
                var address = node.Address.ToString();
                var change = request.Kind switch
                {
                    Action.Apply => Talosctl.ApplyConfig(address, context.Paths.NodeConfig(node.Name), context.Paths.Talosconfig),
                    Action.Upgrade => Talosctl.Upgrade(address, context.Paths.Talosconfig, request.ImageFor?.Invoke(node) ?? request.Image!),
                    _ => Talosctl.Reboot(address, context.Paths.Talosconfig),
                };
                var health = Talosctl.Health(address, context.Paths.Talosconfig, request.HealthTimeout);
                if (request.DryRun)
                {
                    Plan(context, hooks, node, "before");
                    context.Log(change.Display());
                    Plan(context, hooks, node, "rejoined");
                    context.Log(health.Display());
                    Plan(context, hooks, node, "after");
                    continue;
                }

                if (hooks is not null && await hooks.BeforeAsync(node, cancellationToken).ConfigureAwait(false) is { Count: > 0 } blocked)
                {
                    return blocked;
                }

                context.Log($"{node.Name}: " + request.Kind switch
                {
                    Action.Apply => "applying its config",
                    Action.Upgrade => "upgrading to " + (request.ImageFor?.Invoke(node) ?? request.Image),
                    _ => "rebooting",
                });
                var changed = await context.RunAsync(change, cancellationToken).ConfigureAwait(false);
                if (!changed.Succeeded)
                {
                    return [request.ChangeRefused?.Invoke(node, change, changed.ErrorSummary(2))
                        ?? DiagnosticCatalog.NodeUnhealthy.At(context.Location, node.Name, change.Display(), changed.ErrorSummary(2))];
                }

                if (await FinishAsync(context, hooks, node, health, cancellationToken).ConfigureAwait(false) is { Count: > 0 } unfinished)
                {
                    return unfinished;
                }
            }
        }
        catch (BootstrapStepException e)
        {
            return e.Diagnostics;
        }

        return [];
    }

    /// <summary>
    /// What follows a node's change: the rejoin checks, talosctl health, then the after hooks. A resumed run finishes
    /// with it a node an interrupted run changed and left cordoned.
    /// </summary>
    public static async Task<IReadOnlyList<Diagnostic>> FinishAsync(NodeOperationContext context, INodeRolloutHooks? hooks, NodeSettings node, TimeSpan healthTimeout, CancellationToken cancellationToken)
    {
        try
        {
            return await FinishAsync(context, hooks, node, Talosctl.Health(node.Address.ToString(), context.Paths.Talosconfig, healthTimeout), cancellationToken).ConfigureAwait(false);
        }
        catch (BootstrapStepException e)
        {
            return e.Diagnostics;
        }
    }

    private static async Task<IReadOnlyList<Diagnostic>> FinishAsync(NodeOperationContext context, INodeRolloutHooks? hooks, NodeSettings node, CommandSpec health, CancellationToken cancellationToken)
    {
        if (hooks is not null && await hooks.RejoinedAsync(node, cancellationToken).ConfigureAwait(false) is { Count: > 0 } wrong)
        {
            return wrong;
        }

        if (await Checked(context, health, node.Name, cancellationToken).ConfigureAwait(false) is { } unhealthy)
        {
            return [unhealthy];
        }

        context.Log($"{node.Name}: healthy");
        return hooks is not null && await hooks.AfterAsync(node, cancellationToken).ConfigureAwait(false) is { Count: > 0 } unsettled ? unsettled : [];
    }

    private static void Plan(NodeOperationContext context, INodeRolloutHooks? hooks, NodeSettings node, string phase)
    {
        foreach (var line in hooks?.Plan(node, phase) ?? [])
        {
            context.Log(line);
        }
    }

    private static async Task<Diagnostic?> Checked(NodeOperationContext context, CommandSpec spec, string node, CancellationToken cancellationToken)
    {
        var result = await context.RunAsync(spec, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? null : DiagnosticCatalog.NodeUnhealthy.At(context.Location, node, spec.Display(), result.ErrorSummary(2));
    }
}
