namespace HomeOps.Operations.Doctor;

/// <summary>
/// One check of `homeops doctor`, a plug-in: one class each, shared by the CLI, the MCP server and the gates of
/// `homeops upgrade` (which run the gate checks between two nodes). A check never throws for a cluster or service
/// that does not answer: that is a result with <see cref="Core.Status.Health.Unknown"/>.
/// </summary>
public interface IDoctorCheck
{
    /// <summary>A short stable name ("etcd", "mqtt"), for --only and JSON.</summary>
    string Id { get; }

    string Title { get; }

    /// <summary>True for checks an upgrade waits on between nodes (etcd, volumes, database primary, Flux).</summary>
    bool IsUpgradeGate { get; }

    Task<DoctorCheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken);
}
