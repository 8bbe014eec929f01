namespace HomeOps.Operations.Checks;

/// <summary>
/// One offline check that `homeops check` runs: cluster.yaml, Talos configs, the GitOps tree, ...
/// Later features add theirs by registering another implementation in <see cref="OfflineChecks"/>.
/// </summary>
public interface IOfflineCheck
{
    /// <summary>A short name shown in progress output, such as "cluster.yaml".</summary>
    string Name { get; }

    Task<CheckOutcome> RunAsync(CheckContext context, CancellationToken cancellationToken);
}
