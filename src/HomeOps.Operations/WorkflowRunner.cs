using HomeOps.Core.Diagnostics;
using HomeOps.Operations.Bootstrap;
using HomeOps.Runtime.Processes;

namespace HomeOps.Operations;

/// <summary>
/// How a workflow that drives the nodes runs a program: the command line is shown first (secrets redacted), and a
/// missing program or a timeout stops the workflow with a diagnostic at <paramref name="location"/> (thrown as
/// <see cref="BootstrapStepException"/>). The exit code is the caller's to judge. Bootstrap steps and node
/// operations (reset, rolling apply) both run their programs through it.
/// </summary>
/// <param name="purpose">Why the program is needed, for the missing-program message ("to manage Talos nodes").</param>
public sealed class WorkflowRunner(ICommandRunner runner, Action<string> show, Func<SourceSpan> location, Func<string> purpose) : ICommandRunner
{
    public async Task<CommandResult> RunAsync(CommandSpec spec, CancellationToken cancellationToken)
    {
        show("$ " + spec.Display());
        var (result, problem) = await CommandProblem.TryRunAsync(runner, spec, cancellationToken).ConfigureAwait(false);
        return problem is null ? result! : throw new BootstrapStepException(problem.ToDiagnostic(location(), purpose()));
    }
}
