using System.Globalization;
using System.Net;
using System.Net.Sockets;
using HomeOps.Core.Crypto;
using HomeOps.Core.Networking;

namespace HomeOps.Core.ClusterConfig.Init;

/// <summary>
/// The addresses init derives from the node network: the IPv6 networks carved from one unique local /48, the pod,
/// service and load-balancer networks chosen so that nothing overlaps, the API VIP and the BGP numbers. With the
/// bundled cluster's answers (172.29.51.0/24, VLAN 51, fd47:25e1:2f96::/48) it gives the bundled cluster's plan.
/// </summary>
public static class AddressPlan
{
    /// <summary>Kubernetes' and Talos's usual networks first, then others of the private ranges.</summary>
    private static readonly string[] s_podCandidates = ["10.244.0.0/16", "10.42.0.0/16", "172.30.0.0/16", "192.168.128.0/17"];

    private static readonly string[] s_serviceCandidates = ["10.96.0.0/12", "10.43.0.0/16", "172.31.0.0/16", "192.168.64.0/18"];

    private static readonly IpNetwork[] s_privateIPv4 =
    [
        Net("10.0.0.0/8"), Net("172.16.0.0/12"), Net("192.168.0.0/16"),
    ];

    private static readonly IpNetwork s_uniqueLocal = Net("fd00::/8");

    public const long DefaultClusterAsn = 64512;
    public const long DefaultRouterAsn = 64513;

    /// <summary>RFC 4193 section 3.2: fd00::/8 followed by a 40-bit pseudo-random global ID.</summary>
    public static IpNetwork RandomUlaPrefix(IRandomSource random)
    {
        Span<byte> globalId = stackalloc byte[5];
        random.Fill(globalId);
        var bytes = new byte[16];
        bytes[0] = 0xfd;
        globalId.CopyTo(bytes.AsSpan(1));
        return new IpNetwork(new IPAddress(bytes), 48);
    }

    public static bool IsUlaPrefix(IpNetwork prefix) => prefix.IsIPv6 && prefix.PrefixLength == 48 && prefix.IsCanonical && s_uniqueLocal.Contains(prefix);

    /// <summary>
    /// The subnet ID of the node network in the /48: the VLAN number read as hex digits (VLAN 51 is subnet :51:, as in
    /// the bundled cluster), 0 without a VLAN.
    /// </summary>
    public static int NodeSubnetId(int? vlan) => vlan is { } v ? int.Parse(v.ToString(CultureInfo.InvariantCulture), NumberStyles.HexNumber, CultureInfo.InvariantCulture) : 0;

    /// <summary>A /64 (or smaller block inside one) of the /48: subnet ID <paramref name="subnet"/>, interface bits <paramref name="low"/>.</summary>
    public static IpNetwork Subnet(IpNetwork prefix, int subnet, UInt128 low, int length) =>
        new(IpAddressMath.FromNumber(prefix.First | ((UInt128)(uint)subnet << 64) | low, AddressFamily.InterNetworkV6), length);

    /// <summary>Pods and services get their own subnets: :SS20: and :SS10: after the node subnet SS (:ff20: and :ff10: when SS is past ff).</summary>
    public static (IpNetwork Nodes, IpNetwork Pods, IpNetwork Services, IpNetwork LoadBalancer) Ipv6Networks(IpNetwork prefix, int? vlan)
    {
        var s = NodeSubnetId(vlan);
        var high = s <= 0xff ? s << 8 : 0xff00;
        return (Subnet(prefix, s, 0, 64), Subnet(prefix, high | 0x20, 0, 64), Subnet(prefix, high | 0x10, 0, 108),
            Subnet(prefix, s + 1, (UInt128)0x100 << 48, 120));
    }

    /// <summary>The /24 after the node network (or before it, when after leaves the private ranges), for BGP load balancers.</summary>
    public static IpNetwork? LoadBalancerNetwork(IpNetwork nodes)
    {
        var after = ((nodes.Last + 1 + 255) >> 8) << 8;
        var before = ((nodes.First >> 8) << 8) - 256;
        foreach (var start in new[] { after, before })
        {
            if (start > uint.MaxValue)
            {
                continue;
            }

            var candidate = new IpNetwork(IpAddressMath.FromNumber(start, AddressFamily.InterNetwork), 24);
            if (IsPrivate(candidate) && !Overlaps(candidate, nodes))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The first candidate pod or service network that overlaps none of <paramref name="taken"/>.</summary>
    public static IpNetwork? FreeNetwork(bool services, IEnumerable<IpNetwork> taken)
    {
        var used = taken.ToList();
        return (services ? s_serviceCandidates : s_podCandidates).Select(Net).FirstOrDefault(c => !used.Exists(t => Overlaps(c, t)));
    }

    /// <summary>The VIP: the tenth address of the node network when it is free, else the first free host address.</summary>
    public static IPAddress? ApiVip(IpNetwork nodes, IEnumerable<IPAddress> used)
    {
        var taken = used.Select(IpAddressMath.ToNumber).ToHashSet();
        return FreeHosts(nodes, taken, nodes.First + 10).FirstOrDefault() ?? FreeHosts(nodes, taken, nodes.First + 1).FirstOrDefault();
    }

    /// <summary>Host addresses of the network from <paramref name="from"/> on that are not taken (never the network or broadcast address).</summary>
    public static IEnumerable<IPAddress> FreeHosts(IpNetwork network, IReadOnlySet<UInt128> taken, UInt128 from)
    {
        var last = network.PrefixLength >= 31 ? network.Last : network.Last - 1;
        for (var n = UInt128.Max(from, network.PrefixLength >= 31 ? network.First : network.First + 1); n <= last; n++)
        {
            if (!taken.Contains(n))
            {
                yield return IpAddressMath.FromNumber(n, network.Family);
            }
        }
    }

    /// <summary>The cluster's ASN: 64512, or 64513 when the router already has 64512.</summary>
    public static long ClusterAsn(long routerAsn) => routerAsn == DefaultClusterAsn ? DefaultRouterAsn : DefaultClusterAsn;

    public static IPAddress Offset(IpNetwork network, int offset) => IpAddressMath.FromNumber(network.First + (UInt128)offset, network.Family);

    private static bool IsPrivate(IpNetwork network) => Array.Exists(s_privateIPv4, p => p.Contains(network));

    private static bool Overlaps(IpNetwork a, IpNetwork b) => IpRange.FromNetwork(a).Overlaps(IpRange.FromNetwork(b));

    private static IpNetwork Net(string text) => IpNetwork.TryParse(text, out var network) ? network : throw new FormatException(text);
}
