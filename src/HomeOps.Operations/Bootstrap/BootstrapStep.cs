namespace HomeOps.Operations.Bootstrap;

/// <summary>
/// One named step of the bootstrap: a probe that says whether its work is done already (so a re-run skips it),
/// the action, and a wait for its postcondition. Preconditions are the steps it depends on plus any checks the
/// action makes before changing anything. <see cref="Plan"/> lists the exact commands for --dry-run.
/// </summary>
public abstract class BootstrapStep
{
    /// <summary>
    /// The step's name: stable, because the state file, --from, --only and the Taskfile use it. Each step class states
    /// it once as its StepName (a constant, or a method for a step that repeats, such as one per core chart), and
    /// others name the step through that.
    /// </summary>
    public abstract string Name { get; }

    public abstract string Description { get; }

    public virtual IReadOnlyList<string> DependsOn => [];

    /// <summary>Steps that always run (preflight): never skipped by the probe or the state file.</summary>
    public virtual bool AlwaysRuns => false;

    public abstract Task<bool> IsDoneAsync(BootstrapContext context, CancellationToken cancellationToken);

    public abstract Task RunAsync(BootstrapContext context, CancellationToken cancellationToken);

    public virtual Task WaitAsync(BootstrapContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>What the step would do, one line per command or API write, secrets redacted.</summary>
    public abstract IEnumerable<string> Plan(BootstrapContext context);
}
