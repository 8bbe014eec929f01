using System.Net;
using HomeOps.Core.Networking;
using HomeOps.Core.Schema;

namespace HomeOps.Core.ClusterConfig;

public enum AddressingMode
{
    /// <summary>Nodes get their address from DHCP (a reservation per node on the router).</summary>
    Dhcp,

    /// <summary>Each node's address, default routes and nameservers are written into its config.</summary>
    Static,
}

[ConfigObject("The node network, the API address and the pod and service networks.")]
public sealed record NetworkSettings : ConfigObject
{
    [ConfigKey("interface", "The network interface every node uses (overridable per node).", Required = true, Example = "enp3s0f0", Format = ValueFormats.NetworkInterface)]
    public string Interface { get; init; } = string.Empty;

    [ConfigKey("addressing", "How nodes get their IPv4 address: dhcp (a reservation on the router for each node's address) or static.")]
    public AddressingMode Addressing { get; init; } = AddressingMode.Dhcp;

    [ConfigKey("vlan", "The VLAN the node network is on, for documentation and router configuration (1-4094).")]
    [Range(1, 4094)]
    public int? Vlan { get; init; }

    [ConfigKey("nodeNetwork", "The IPv4 network the nodes are on.", Required = true, Example = "172.29.51.0/24")]
    public IpNetwork NodeNetwork { get; init; } = null!;

    [ConfigKey("nodeNetworkIPv6", "The IPv6 network the nodes are on: a unique local address (ULA) prefix inside fd00::/8.", Example = "fd47:25e1:2f96:51::/64")]
    public IpNetwork? NodeNetworkIPv6 { get; init; }

    [ConfigKey("gateway", "The IPv4 default gateway of the node network (the router).", Required = true, Example = "172.29.51.1")]
    public IPAddress Gateway { get; init; } = null!;

    [ConfigKey("ipv6Gateway", "The IPv6 default route's next hop: a link-local router address or one inside nodeNetworkIPv6.", Example = "fe80::1")]
    public IPAddress? IPv6Gateway { get; init; }

    [ConfigKey("apiVip", "The shared virtual IP of the Kubernetes API, held by one control-plane node at a time.", Required = true, Example = "172.29.51.10")]
    public IPAddress ApiVip { get; init; } = null!;

    [ConfigKey("podNetworks", "Pod networks: one IPv4 CIDR, optionally followed by one IPv6 CIDR for dual stack.", Required = true)]
    [Items(1, 2)]
    public IReadOnlyList<IpNetwork> PodNetworks { get; init; } = [];

    [ConfigKey("serviceNetworks", "Service networks: one IPv4 CIDR, optionally followed by one IPv6 CIDR for dual stack.", Required = true)]
    [Items(1, 2)]
    public IReadOnlyList<IpNetwork> ServiceNetworks { get; init; } = [];

    [ConfigKey("nameservers", "DNS servers for the nodes; empty means those DHCP provides.")]
    public IReadOnlyList<IPAddress> Nameservers { get; init; } = [];
}
