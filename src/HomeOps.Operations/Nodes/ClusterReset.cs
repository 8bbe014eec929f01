using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Diagnostics;
using HomeOps.Operations.Bootstrap;
using HomeOps.Runtime.Tools;

namespace HomeOps.Operations.Nodes;

/// <summary>
/// `homeops cluster reset`: wipes only the STATE and EPHEMERAL partitions of the chosen nodes (they reboot into
/// maintenance mode with the OS intact), after the operator typed the cluster name, and never so many control
/// planes that etcd loses quorum unless --all says the whole cluster is being rebuilt.
/// </summary>
public static class ClusterReset
{
    public sealed record Request(IReadOnlyList<string> Nodes, bool All, string? TypedName, bool DryRun)
    {
        /// <summary>With <see cref="All"/>: reset only these of the nodes (a resumed rebuild skips the ones already in maintenance mode).</summary>
        public IReadOnlyCollection<string>? Only { get; init; }
    }

    /// <summary>The nodes a request would reset, or the diagnostic that refuses it (checked before any prompt).</summary>
    public static (IReadOnlyList<NodeSettings> Nodes, Diagnostic? Refusal) Plan(NodeOperationContext context, Request request)
    {
        var (nodes, error) = context.Select(request.All ? [] : request.Nodes);
        if (error is not null)
        {
            return ([], error);
        }

        if (request.All && request.Only is { } only)
        {
            nodes = [.. nodes.Where(n => only.Contains(n.Name))];
        }

        var controlPlanes = context.Cluster.Nodes.Count(n => n.Role == NodeRole.ControlPlane);
        var resetting = nodes.Count(n => n.Role == NodeRole.ControlPlane);
        var quorum = controlPlanes / 2 + 1;
        if (!request.All && controlPlanes - resetting < quorum && resetting > 0)
        {
            return ([], DiagnosticCatalog.ResetBreaksQuorum.At(context.Location, resetting, controlPlanes, controlPlanes - resetting, quorum));
        }

        return (nodes, null);
    }

    public static async Task<IReadOnlyList<Diagnostic>> RunAsync(NodeOperationContext context, Request request, CancellationToken cancellationToken)
    {
        var (nodes, refusal) = Plan(context, request);
        if (refusal is not null)
        {
            return [refusal];
        }

        var name = context.Cluster.Cluster.Name;
        if (!request.DryRun && request.TypedName?.Trim() != name)
        {
            return [DiagnosticCatalog.ResetConfirmationMismatch.At(context.Location, request.TypedName?.Trim() ?? string.Empty, name)];
        }

        try
        {
            foreach (var node in nodes)
            {
                var spec = Talosctl.Reset(node.Address.ToString(), context.Paths.Talosconfig);
                if (request.DryRun)
                {
                    context.Log(spec.Display());
                    continue;
                }

                var result = await context.RunAsync(spec, cancellationToken).ConfigureAwait(false);
                if (!result.Succeeded)
                {
                    return [DiagnosticCatalog.ToolFailed.At(context.Location, spec.Display(), result.ExitCode, result.ErrorSummary(2))];
                }

                context.Log($"{node.Name}: STATE and EPHEMERAL wiped; it reboots into maintenance mode");
            }
        }
        catch (BootstrapStepException e)
        {
            return e.Diagnostics;
        }

        if (!request.DryRun && request.All)
        {
            // The cluster is gone: a later bootstrap must not trust steps recorded against it.
            context.Workspace.Files.DeleteFile(context.Paths.StateFile);
            context.Log($"removed {context.Workspace.Display(context.Paths.StateFile)}; run 'homeops bootstrap' to build the cluster again");
        }

        return [];
    }
}
