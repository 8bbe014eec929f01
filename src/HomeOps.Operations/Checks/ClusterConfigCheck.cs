namespace HomeOps.Operations.Checks;

/// <summary>cluster.yaml: syntax, shape and meaning.</summary>
public sealed class ClusterConfigCheck : IOfflineCheck
{
    public string Name => "cluster.yaml";

    public Task<CheckOutcome> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var config = context.ClusterConfig.Config;
        var summary = config is null ? null : $"{config.Nodes.Count} node(s), {config.LoadBalancer.Pools.Count} pool(s)";
        return Task.FromResult(new CheckOutcome(Name, context.ClusterConfig.Diagnostics, Summary: summary));
    }
}
