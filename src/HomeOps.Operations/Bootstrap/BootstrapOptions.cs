namespace HomeOps.Operations.Bootstrap;

/// <summary>How a bootstrap run was asked to go.</summary>
public sealed record BootstrapOptions
{
    /// <summary>Print the plan and the exact commands (secrets redacted) without running anything.</summary>
    public bool DryRun { get; init; }

    /// <summary>Trust the state file: steps it records as done are skipped without probing.</summary>
    public bool Resume { get; init; }

    /// <summary>Start at this step; earlier steps must be done already.</summary>
    public string? From { get; init; }

    /// <summary>Run only this step; its dependencies must be done already.</summary>
    public string? Only { get; init; }

    /// <summary>Upper bound of each wait for a postcondition.</summary>
    public TimeSpan WaitTimeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>First delay of the backoff between polls (doubles up to <see cref="MaxPollDelay"/>).</summary>
    public TimeSpan PollDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxPollDelay { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long flux-ready lets the root's own failure stand (the GitRepository not Ready, or the root path not found)
    /// before it stops with that cause instead of waiting out <see cref="WaitTimeout"/>: Flux retries a failed clone, so
    /// a blip clears within this, and a wrong URL, branch or path never does.
    /// </summary>
    public TimeSpan RootFailureGrace { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The kubeconfig a workflow that starts from a running cluster uses (recovery, flux suspend/resume: --kubeconfig);
    /// null finds it as every cluster command does ($KUBECONFIG, .homeops/&lt;cluster&gt;/kubeconfig, ~/.kube/config).
    /// </summary>
    public string? Kubeconfig { get; init; }

    /// <summary>How long helm may take per chart (--timeout).</summary>
    public TimeSpan ChartTimeout { get; init; } = TimeSpan.FromMinutes(10);
}
