using HomeOps.Core.Diagnostics;
using HomeOps.Operations.Bootstrap;
using HomeOps.Runtime.Processes;
using HomeOps.Runtime.Tools;

namespace HomeOps.Operations.Nodes;

/// <summary>
/// `homeops talos apply`, `upgrade` and `reboot`: one node at a time, each followed by `talosctl health` for
/// that node, stopping at the first node that does not come back healthy so the others keep etcd quorum.
/// </summary>
public static class NodeRollout
{
    public enum Action
    {
        Apply,
        Upgrade,
        Reboot,
    }

    public sealed record Request(Action Kind, IReadOnlyList<string> Nodes, string? Image, TimeSpan HealthTimeout, bool DryRun);

    public static async Task<IReadOnlyList<Diagnostic>> RunAsync(NodeOperationContext context, Request request, CancellationToken cancellationToken)
    {
        var (nodes, error) = context.Select(request.Nodes);
        if (error is not null)
        {
            return [error];
        }

        try
        {
            foreach (var node in nodes)
            {
                var address = node.Address.ToString();
                var change = request.Kind switch
                {
                    Action.Apply => Talosctl.ApplyConfig(address, context.Paths.NodeConfig(node.Name), context.Paths.Talosconfig),
                    Action.Upgrade => Talosctl.Upgrade(address, context.Paths.Talosconfig, request.Image!),
                    _ => Talosctl.Reboot(address, context.Paths.Talosconfig),
                };
                var health = Talosctl.Health(address, context.Paths.Talosconfig, request.HealthTimeout);
                if (request.DryRun)
                {
                    context.Log(change.Display());
                    context.Log(health.Display());
                    continue;
                }

                context.Log($"{node.Name}: " + request.Kind switch
                {
                    Action.Apply => "applying its config",
                    Action.Upgrade => "upgrading to " + request.Image,
                    _ => "rebooting",
                });
                if (await Checked(context, change, node.Name, cancellationToken).ConfigureAwait(false) is { } failed)
                {
                    return [failed];
                }

                if (await Checked(context, health, node.Name, cancellationToken).ConfigureAwait(false) is { } unhealthy)
                {
                    return [unhealthy];
                }

                context.Log($"{node.Name}: healthy");
            }
        }
        catch (BootstrapStepException e)
        {
            return e.Diagnostics;
        }

        return [];
    }

    private static async Task<Diagnostic?> Checked(NodeOperationContext context, CommandSpec spec, string node, CancellationToken cancellationToken)
    {
        var result = await context.RunAsync(spec, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? null : DiagnosticCatalog.NodeUnhealthy.At(context.Location, node, spec.Display(), result.ErrorSummary(2));
    }
}
