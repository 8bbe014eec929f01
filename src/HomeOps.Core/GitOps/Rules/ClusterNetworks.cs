using System.Net;
using HomeOps.Core.ClusterConfig;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Networking;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>
/// The IPv4 networks and addresses cluster.yaml gives the cluster: the node network, pod and Service networks,
/// LoadBalancer pools (cluster.yaml's and the tree's CiliumLoadBalancerIPPools), the gateway, the API VIP, nameservers, BGP peers and node addresses. HO3246 asks whether a
/// private address written in the tree belongs to one of them.
/// </summary>
internal sealed class ClusterNetworks(IReadOnlyList<IpNetwork> networks, IReadOnlyList<IpRange> ranges, IReadOnlySet<IPAddress> addresses)
{
    /// <summary>cluster.yaml's networks plus the blocks of the tree's own CiliumLoadBalancerIPPools.</summary>
    public static ClusterNetworks Of(ClusterDefinition cluster, RuleContext context)
    {
        var network = cluster.Network;
        var networks = new List<IpNetwork> { network.NodeNetwork };
        networks.AddRange(network.PodNetworks);
        networks.AddRange(network.ServiceNetworks);
        networks.AddRange(cluster.LoadBalancer.Pools.Select(p => p.Cidr).OfType<IpNetwork>());
        var ranges = cluster.LoadBalancer.Pools.Select(p => p.Range).OfType<IpRange>().ToList();
        foreach (var block in Providers.Of(context, "cilium.io", "CiliumLoadBalancerIPPool").SelectMany(p => p.Root.Seq("spec", "blocks")))
        {
            if (block.Str("cidr") is { } cidr && IpNetwork.TryParse(cidr, out var blockNetwork))
            {
                networks.Add(blockNetwork);
            }
            else if (block.Str("start") is { } s && IPAddress.TryParse(s, out var start))
            {
                ranges.Add(new IpRange(start, block.Str("stop") is { } e && IPAddress.TryParse(e, out var stop) && stop.AddressFamily == start.AddressFamily ? stop : start));
            }
        }

        var addresses = new HashSet<IPAddress> { network.Gateway, network.ApiVip };
        addresses.UnionWith(network.Nameservers);
        addresses.UnionWith(cluster.LoadBalancer.Bgp?.Peers.Select(p => p.Address) ?? []);
        addresses.UnionWith(cluster.Nodes.Select(n => n.Address));
        return new ClusterNetworks([.. networks.Where(n => n is not null)], ranges, addresses);
    }

    /// <summary>Everything <see cref="Covers"/> answers by, as text: equal identities answer alike.</summary>
    public string Identity =>
        $"{string.Join(' ', networks.Select(n => n.ToString()).Order(StringComparer.Ordinal))} | {string.Join(' ', ranges.Select(r => r.ToString()).Order(StringComparer.Ordinal))} | {string.Join(' ', addresses.Select(a => a.ToString()).Order(StringComparer.Ordinal))}";

    /// <summary>True when <paramref name="network"/> (a single address is a /32) lies in or overlaps a network of the cluster.</summary>
    public bool Covers(IpNetwork network) =>
        (network.HostBits == 0 && addresses.Contains(network.Address))
        || networks.Any(n => n.Overlaps(network))
        || ranges.Any(network.Overlaps);

    /// <summary>The RFC 1918 ranges: an address there is one of somebody's home networks.</summary>
    public static bool IsPrivate(IPAddress address)
    {
        var b = address.GetAddressBytes();
        return b.Length == 4 && (b[0] == 10 || (b[0] == 172 && (b[1] & 0xF0) == 16) || (b[0] == 192 && b[1] == 168));
    }
}
