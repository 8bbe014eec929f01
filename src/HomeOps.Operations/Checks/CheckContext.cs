using HomeOps.Core.ClusterConfig;

namespace HomeOps.Operations.Checks;

/// <summary>What every check can use: the workspace and the already-loaded cluster.yaml.</summary>
public sealed record CheckContext(Workspace Workspace, ClusterConfigResult ClusterConfig)
{
    /// <summary>The clock checks use (certificate expiry); the system clock unless a test sets another.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
