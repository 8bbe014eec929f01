using HomeOps.Core.ClusterConfig;

namespace HomeOps.Operations.Checks;

/// <summary>What every check can use: the workspace and the already-loaded cluster.yaml.</summary>
public sealed record CheckContext(Workspace Workspace, ClusterConfigResult ClusterConfig);
