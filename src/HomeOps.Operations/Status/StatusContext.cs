using HomeOps.Core.ClusterConfig;
using HomeOps.Runtime.Processes;

namespace HomeOps.Operations.Status;

/// <summary>
/// What sections read from: the cluster snapshot (one list per kind), the clock (certificate expiry, backup age),
/// the program runner for talosctl, and cluster.yaml when there is one (the Talos nodes).
/// </summary>
public sealed record StatusContext(ClusterSnapshot Cluster, TimeProvider Time)
{
    /// <summary>The context for a snapshot of the cluster <paramref name="targets"/> name (its cluster.yaml and talosconfig).</summary>
    public static StatusContext For(ClusterSnapshot cluster, StatusTargets targets, TimeProvider time, ICommandRunner commands) => new(cluster, time)
    {
        Commands = commands,
        ClusterConfig = targets.Cluster,
        Talosconfig = targets.Talosconfig,
        TalosconfigMissing = targets.TalosconfigMissing,
    };

    public ICommandRunner? Commands { get; init; }

    public ClusterDefinition? ClusterConfig { get; init; }

    /// <summary>The talosconfig the Talos section uses, or null when there is none.</summary>
    public string? Talosconfig { get; init; }

    /// <summary>Why there is no talosconfig, when <see cref="Talosconfig"/> is null.</summary>
    public string? TalosconfigMissing { get; init; }
}
