using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Diagnostics;

namespace HomeOps.Operations.Nodes;

/// <summary>
/// What a rollout does around each node's change (`homeops upgrade talos`: gates, primary moved away, drain before;
/// verification, Ready, uncordon and gates after). Each step returns the diagnostics that stop the rollout before the
/// next node; in a dry run <see cref="Plan"/> gives the lines printed in their place.
/// </summary>
public interface INodeRolloutHooks
{
    /// <summary>Before the change (the node still runs its workloads).</summary>
    Task<IReadOnlyList<Diagnostic>> BeforeAsync(NodeSettings node, CancellationToken cancellationToken);

    /// <summary>Right after the change returned (the node is back): check what it runs, wait until it is Ready.</summary>
    Task<IReadOnlyList<Diagnostic>> RejoinedAsync(NodeSettings node, CancellationToken cancellationToken);

    /// <summary>After the health check: give the node its workloads back and wait for the cluster to settle.</summary>
    Task<IReadOnlyList<Diagnostic>> AfterAsync(NodeSettings node, CancellationToken cancellationToken);

    /// <summary>The dry run's lines for one phase ("before", "rejoined", "after").</summary>
    IEnumerable<string> Plan(NodeSettings node, string phase);
}
