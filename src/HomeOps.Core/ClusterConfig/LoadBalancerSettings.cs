using System.Net;
using HomeOps.Core.Networking;
using HomeOps.Core.Schema;

namespace HomeOps.Core.ClusterConfig;

public enum LoadBalancerMode
{
    /// <summary>Cilium advertises LoadBalancer addresses to a router over BGP.</summary>
    Bgp,

    /// <summary>Cilium answers ARP/NDP for LoadBalancer addresses on the node network.</summary>
    L2,

    /// <summary>No LoadBalancer addresses are announced.</summary>
    None,
}

[ConfigObject("How LoadBalancer Services get addresses.")]
public sealed record LoadBalancerSettings : ConfigObject
{
    [ConfigKey("mode", "How addresses are announced: bgp, l2 or none.")]
    public LoadBalancerMode Mode { get; init; } = LoadBalancerMode.None;

    [ConfigKey("bgp", "BGP peering between the nodes and the router (required when mode is bgp).")]
    public BgpSettings? Bgp { get; init; }

    [ConfigKey("pools", "Cilium LoadBalancer IP pools. A Service picks one with the label io.cilium/lb-ipam-pool: <name>.")]
    public IReadOnlyList<LoadBalancerPool> Pools { get; init; } = [];
}

[ConfigObject("BGP peering between the nodes and the router.")]
public sealed record BgpSettings : ConfigObject
{
    [ConfigKey("localAsn", "The cluster's autonomous system number; every node speaks BGP with it.", Required = true, Example = "64512")]
    [Range(1, 4294967295)]
    public long LocalAsn { get; init; }

    [ConfigKey("peers", "The routers the nodes peer with.", Required = true)]
    [Items(1)]
    public IReadOnlyList<BgpPeer> Peers { get; init; } = [];
}

[ConfigObject("A router the nodes peer with.")]
public sealed record BgpPeer : ConfigObject
{
    [ConfigKey("name", "A name for the router, used in generated configuration.", Required = true, Example = "udm-pro", Format = ValueFormats.DnsLabel)]
    public string Name { get; init; } = string.Empty;

    [ConfigKey("address", "The router's address on the node network, or on network.nodeNetworkIPv6 for an IPv6 session (which is what announces IPv6 pools).", Required = true, Example = "172.29.51.1")]
    public IPAddress Address { get; init; } = null!;

    [ConfigKey("asn", "The router's autonomous system number.", Required = true, Example = "64513")]
    [Range(1, 4294967295)]
    public long Asn { get; init; }
}

[ConfigObject("A Cilium LoadBalancer IP pool: give either range or cidr.")]
public sealed record LoadBalancerPool : ConfigObject
{
    [ConfigKey("name", "The pool name; Services select it with the label io.cilium/lb-ipam-pool: <name>.", Required = true, Example = "bgp-default", Format = ValueFormats.DnsLabel)]
    public string Name { get; init; } = string.Empty;

    [ConfigKey("range", "An inclusive address range, start-end.", Example = "172.29.52.100-172.29.52.199")]
    public IpRange? Range { get; init; }

    [ConfigKey("cidr", "A CIDR block of addresses.", Example = "fd47:25e1:2f96:52:100::/120")]
    public IpNetwork? Cidr { get; init; }

    [ConfigKey("description", "What the pool is for.")]
    public string? Description { get; init; }

    [ConfigKey("alsoServes", "Pools of the other IP family whose Services also draw addresses from this one: a Service labelled io.cilium/lb-ipam-pool: <listed pool> that asks for both families (ipFamilyPolicy PreferDualStack or RequireDualStack) gets one address from each.", Example = "[bgp-default, bgp-ingress]")]
    public IReadOnlyList<string> AlsoServes { get; init; } = [];

    [ConfigKey("allowPublic", "Allow addresses outside the private ranges (RFC 1918 for IPv4, fc00::/7 for IPv6): only for a block that is really routed to you, such as a prefix from your ISP.")]
    public bool AllowPublic { get; init; }

    /// <summary>The addresses of the pool, whichever way they were written (null when neither or both were given).</summary>
    public IpRange? Addresses => (Range, Cidr) switch
    {
        ({ } r, null) => r,
        (null, { } c) => IpRange.FromNetwork(c),
        _ => null,
    };
}
