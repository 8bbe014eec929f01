using System.Net;
using HomeOps.Core.Schema;

namespace HomeOps.Core.ClusterConfig;

public enum NodeRole
{
    /// <summary>Runs etcd and the Kubernetes control plane (and workloads when allowed).</summary>
    [ConfigValue("controlplane")]
    ControlPlane,

    /// <summary>Runs workloads only.</summary>
    Worker,
}

[ConfigObject("One machine of the cluster.")]
public sealed record NodeSettings : ConfigObject
{
    [ConfigKey("name", "Hostname of the node (a DNS-1123 label, unique in the cluster).", Required = true, Example = "mini01", Format = ValueFormats.DnsLabel)]
    public string Name { get; init; } = string.Empty;

    [ConfigKey("address", "The node's IPv4 address on the node network.", Required = true, Example = "172.29.51.11")]
    public IPAddress Address { get; init; } = null!;

    [ConfigKey("role", "controlplane or worker.", Required = true)]
    public NodeRole Role { get; init; }

    [ConfigKey("interface", "Overrides network.interface for this node.", Format = ValueFormats.NetworkInterface)]
    public string? Interface { get; init; }

    [ConfigKey("installDisk", "Overrides talos.installDisk for this node.")]
    public InstallDiskSelector? InstallDisk { get; init; }

    [ConfigKey("extensions", "Overrides talos.extensions for this node.")]
    public IReadOnlyList<string>? Extensions { get; init; }
}
