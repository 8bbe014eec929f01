using System.Net;
using HomeOps.Core.Networking;

namespace HomeOps.Core.ClusterConfig.Init;

/// <summary>Every value of the cluster.yaml that init writes: the answers, and what was derived from them.</summary>
public sealed record ClusterPlan
{
    public required string Name { get; init; }

    public required string Domain { get; init; }

    public required string InternalDomain { get; init; }

    public required string AcmeEmail { get; init; }

    public required string Repository { get; init; }

    public required string Interface { get; init; }

    public int? Vlan { get; init; }

    public required IpNetwork NodeNetwork { get; init; }

    public required IpNetwork Ipv6Prefix { get; init; }

    public required IpNetwork NodeNetworkIPv6 { get; init; }

    public required IPAddress Router { get; init; }

    public required string RouterName { get; init; }

    public required long RouterAsn { get; init; }

    public required long ClusterAsn { get; init; }

    public required IPAddress ApiVip { get; init; }

    public required IpNetwork PodNetwork { get; init; }

    public required IpNetwork PodNetworkIPv6 { get; init; }

    public required IpNetwork ServiceNetwork { get; init; }

    public required IpNetwork ServiceNetworkIPv6 { get; init; }

    public required IpNetwork LoadBalancerNetwork { get; init; }

    public required IpNetwork LoadBalancerIPv6 { get; init; }

    public required InstallDiskSelector InstallDisk { get; init; }

    public required IReadOnlyList<PlannedNode> Nodes { get; init; }

    public required string TunnelId { get; init; }

    public required string DataDiskModel { get; init; }

    public required string BackupBucket { get; init; }

    public required string BackupRegion { get; init; }

    public required string Vault { get; init; }
}

/// <summary>A node of the plan; <see cref="InstallDisk"/> is set only when it differs from the cluster's.</summary>
public sealed record PlannedNode(string Name, IPAddress Address, NodeRole Role, InstallDiskSelector? InstallDisk);
