using HomeOps.Operations.Platform;

namespace HomeOps.Operations.Checks;

/// <summary>The files `homeops render` derives from cluster.yaml exist and match it.</summary>
public sealed class GeneratedFilesCheck : IOfflineCheck
{
    public string Name => "generated files";

    public Task<CheckOutcome> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        if (context.ClusterConfig.Config is null)
        {
            return Task.FromResult(new CheckOutcome(Name, [], Skipped: "cluster.yaml has errors"));
        }

        // The generated files belong to a GitOps tree; a repository without the cluster's Flux entry has none to keep.
        if (context.MissingTree() is { } missing)
        {
            return Task.FromResult(new CheckOutcome(Name, [], Skipped: missing));
        }

        var plan = PlatformFilesService.Plan(context.Workspace, context.ClusterConfig);
        // cluster.yaml's own diagnostics are the cluster.yaml check's to report.
        var own = plan.Diagnostics.Except(context.ClusterConfig.Diagnostics).Concat(plan.Staleness()).ToList();
        var upToDate = plan.Files.Count(f => f.State == GeneratedFileState.UpToDate);
        return Task.FromResult(new CheckOutcome(Name, own, Summary: $"{upToDate} of {plan.Files.Count} up to date"));
    }
}
