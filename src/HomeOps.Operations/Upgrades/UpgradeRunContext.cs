using HomeOps.Operations.Nodes;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Operations.Upgrades;

/// <summary>How long each gate of an upgrade run may wait before the run stops (each has its own).</summary>
public sealed record UpgradeTimeouts
{
    public TimeSpan Etcd { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Long: after a node comes back Longhorn rebuilds its replicas before the volumes are healthy again.</summary>
    public TimeSpan Longhorn { get; init; } = TimeSpan.FromMinutes(30);

    public TimeSpan Flux { get; init; } = TimeSpan.FromMinutes(10);

    public TimeSpan Cnpg { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Cordon and evict every pod of a node (PodDisruptionBudgets may make evictions wait).</summary>
    public TimeSpan Drain { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The node answering on its new image and its kubelet posting Ready.</summary>
    public TimeSpan NodeReady { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>`talosctl health` after each node.</summary>
    public TimeSpan Health { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Every kubelet reporting the Kubernetes target after `talosctl upgrade-k8s`.</summary>
    public TimeSpan Kubelets { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Every timeout the same (tests, or a --gate-timeout override).</summary>
    public static UpgradeTimeouts All(TimeSpan timeout) => new()
    {
        Etcd = timeout, Longhorn = timeout, Flux = timeout, Cnpg = timeout, Drain = timeout, NodeReady = timeout, Health = timeout, Kubelets = timeout,
    };
}

/// <summary>
/// What an upgrade run works with: the nodes and talosctl (<see cref="NodeOperationContext"/>), the Kubernetes API
/// (gates and Node objects), the drain/primary seam, the clock, and how long and how often gates wait.
/// </summary>
public sealed record UpgradeRunContext(NodeOperationContext Nodes, IKubeApi Api, IUpgradeNodeSteps Steps, TimeProvider Time)
{
    public UpgradeTimeouts Timeouts { get; init; } = new();

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    public void Log(string line) => Nodes.Log(line);
}
