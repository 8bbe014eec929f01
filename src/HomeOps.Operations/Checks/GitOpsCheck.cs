using HomeOps.Operations.GitOps;
using HomeOps.Runtime.Processes;

namespace HomeOps.Operations.Checks;

/// <summary>The GitOps tree: `homeops validate` with its defaults, as part of `homeops check`.</summary>
public sealed class GitOpsCheck(ICommandRunner runner, TimeProvider time, ValidateOptions? options = null) : IOfflineCheck
{
    public string Name => "GitOps tree";

    public async Task<CheckOutcome> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        if (context.MissingTree() is { } missing)
        {
            return new CheckOutcome(Name, [], Skipped: missing);
        }

        var result = await new ValidateService(runner, time).RunAsync(context.Workspace, options ?? new ValidateOptions(), cancellationToken).ConfigureAwait(false);
        return new CheckOutcome(Name, result.Diagnostics, Summary: result.Summary());
    }
}
