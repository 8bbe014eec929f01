using HomeOps.Core.Diagnostics;
using HomeOps.Operations.Config;
using HomeOps.Runtime.Processes;

namespace HomeOps.Operations.Checks;

/// <summary>Runs every offline check in order, all on the clock it was given: the work behind `homeops check`.</summary>
public sealed class OfflineChecks(IReadOnlyList<IOfflineCheck> checks, TimeProvider time)
{
    /// <summary>Every check HomeOps has, in the order they run: cluster.yaml, the Talos configs, the files derived from cluster.yaml, the GitOps tree.</summary>
    public static OfflineChecks Default(ICommandRunner runner, TimeProvider time, GitOps.ValidateOptions? gitOps = null) =>
        new([new ClusterConfigCheck(), new TalosCheck(), new GeneratedFilesCheck(), new GitOpsCheck(runner, time, gitOps)], time);

    public IReadOnlyList<IOfflineCheck> Checks => checks;

    public async Task<IReadOnlyList<CheckOutcome>> RunAsync(Workspace workspace, Action<CheckOutcome>? progress, CancellationToken cancellationToken)
    {
        var context = new CheckContext(workspace, ClusterConfigService.Load(workspace), time);
        var outcomes = new List<CheckOutcome>();
        foreach (var check in checks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var outcome = await check.RunAsync(context, cancellationToken).ConfigureAwait(false);
            outcome = outcome with { Diagnostics = DiagnosticBag.Sort(outcome.Diagnostics) };
            progress?.Invoke(outcome);
            outcomes.Add(outcome);
        }

        return outcomes;
    }
}
