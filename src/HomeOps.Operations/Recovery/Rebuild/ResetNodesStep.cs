using HomeOps.Operations.Bootstrap;
using HomeOps.Operations.Bootstrap.Steps;
using HomeOps.Operations.Nodes;

namespace HomeOps.Operations.Recovery.Rebuild;

/// <summary>
/// Resets every node with `homeops cluster reset --all` (STATE and EPHEMERAL only: the OS and user disks stay), then
/// waits until every node answers in maintenance mode. A rebuild resets once: the fact records which backup the
/// reset was for, so a rerun after a kill (with or without --resume) never wipes the cluster it is rebuilding; a node
/// already in maintenance mode is not reset again (talosctl could not reach it with the talosconfig anyway).
/// </summary>
public sealed class ResetNodesStep(string backupId, string? typedName, IReadOnlyList<string> dependsOn) : BootstrapStep
{
    public const string StepName = "reset-nodes";

    /// <summary>The state-file fact naming the backup a rebuild reset the nodes for.</summary>
    public const string ResetFact = "rebuildResetFor";

    public override string Name => StepName;

    public override string Description => "reset every node (STATE and EPHEMERAL only) and wait until each is in maintenance mode";

    public override IReadOnlyList<string> DependsOn => dependsOn;

    public override Task<bool> IsDoneAsync(BootstrapContext context, CancellationToken cancellationToken) =>
        Task.FromResult(context.State.Facts.GetValueOrDefault(ResetFact) == backupId);

    public override async Task RunAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        var configured = new List<string>();
        foreach (var node in context.Cluster.Nodes)
        {
            var state = await NodeProbe.ProbeAsync(context, node.Address.ToString(), cancellationToken).ConfigureAwait(false);
            if (state.Kind == NodeProbe.Reachability.Maintenance)
            {
                context.Detail($"{node.Name}: in maintenance mode already, not reset");
                continue;
            }

            configured.Add(node.Name);
        }

        var request = new ClusterReset.Request([], All: true, typedName, DryRun: false) { Only = configured };
        var diagnostics = configured.Count == 0 ? [] : await ClusterReset.RunAsync(Operation(context), request, cancellationToken).ConfigureAwait(false);
        if (diagnostics.Count > 0)
        {
            throw new BootstrapStepException(diagnostics);
        }

        // The old API address is gone with the cluster; the bootstrap steps find the new one.
        context.State.Facts.Remove(Facts.ApiServer);
        context.State.Facts[ResetFact] = backupId;
        context.SaveState();
    }

    public override Task WaitAsync(BootstrapContext context, CancellationToken cancellationToken) =>
        Waits.PollAsync(context, "every node to reboot into maintenance mode", async ct =>
        {
            var pending = new List<string>();
            foreach (var node in context.Cluster.Nodes)
            {
                if ((await NodeProbe.ProbeAsync(context, node.Address.ToString(), ct).ConfigureAwait(false)).Kind != NodeProbe.Reachability.Maintenance)
                {
                    pending.Add(node.Name);
                }
            }

            return (pending.Count == 0, "not in maintenance mode yet: " + string.Join(", ", pending));
        }, cancellationToken);

    private static NodeOperationContext Operation(BootstrapContext context) =>
        new(context.Cluster, context.Workspace, context.Paths, context.Environment.Runner, context.Detail);

    public override IEnumerable<string> Plan(BootstrapContext context) =>
    [
        .. context.Cluster.Nodes.Select(n => $"{Runtime.Tools.Talosctl.Reset(n.Address.ToString(), context.Paths.Talosconfig).Display()}  (skipped when in maintenance mode)"),
        $"remove {context.Workspace.Display(context.Paths.StateFile)} (the bootstrap's record of the old cluster)",
        .. context.Cluster.Nodes.Select(n => $"{Runtime.Tools.Talosctl.MachineStatus(n.Address.ToString(), null).Display()}  (until every node answers in maintenance mode)"),
    ];
}
