using HomeOps.Operations.GitOps;
using HomeOps.Runtime.Processes;
using HomeOps.Runtime.Tools;

namespace HomeOps.Operations.Checks;

/// <summary>The GitOps tree: `homeops validate` with its defaults, as part of `homeops check`.</summary>
/// <param name="pathVariable">Where to look for kustomize (PATH when null).</param>
public sealed class GitOpsCheck(ICommandRunner runner, TimeProvider time, ValidateOptions? options = null, string? pathVariable = null) : IOfflineCheck
{
    public string Name => "GitOps tree";

    public async Task<CheckOutcome> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        if (context.MissingTree() is { } missing)
        {
            return new CheckOutcome(Name, [], Skipped: missing);
        }

        // cluster.yaml, the Talos configs and the generated files need nothing but HomeOps; the tree needs kustomize. On a
        // machine without it the other checks still run, and this one says plainly that it did not.
        if (new KustomizeTool(runner, pathVariable).Program is null)
        {
            return new CheckOutcome(Name, [], Skipped: "kubectl (or kustomize) is not on PATH; install it ('mise install' pins it) to check the tree, or run 'homeops validate' where it is");
        }

        var result = await new ValidateService(runner, time).RunAsync(context.Workspace, options ?? new ValidateOptions(), cancellationToken).ConfigureAwait(false);
        return new CheckOutcome(Name, result.Diagnostics, Summary: result.Summary());
    }
}
