using System.Net.Sockets;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Networking;
using HomeOps.Core.Schema;

namespace HomeOps.Core.ClusterConfig;

public static partial class ClusterValidator
{
    private static readonly IpNetwork s_uniqueLocal = new(System.Net.IPAddress.Parse("fd00::"), 8);

    /// <summary>A network or pool with a name for messages and the place it was written.</summary>
    private sealed record NamedRange(string Label, string Text, IpRange Range, SourceSpan Span, bool IsPool, bool IsNodeNetwork);

    private static void CheckNetworkShapes(NetworkSettings network, DiagnosticBag diagnostics)
    {
        CheckCanonical("network.nodeNetwork", network.NodeNetwork, network.SpanOf(nameof(network.NodeNetwork)), diagnostics);
        ExpectFamily("network.nodeNetwork", network.NodeNetwork, AddressFamily.InterNetwork, network.SpanOf(nameof(network.NodeNetwork)), diagnostics,
            "Put the IPv6 node network under network.nodeNetworkIPv6");
        if (network.NodeNetworkIPv6 is { } v6)
        {
            var span = network.SpanOf(nameof(network.NodeNetworkIPv6));
            CheckCanonical("network.nodeNetworkIPv6", v6, span, diagnostics);
            ExpectFamily("network.nodeNetworkIPv6", v6, AddressFamily.InterNetworkV6, span, diagnostics, "Put the IPv4 node network under network.nodeNetwork");
            if (v6.IsIPv6 && !s_uniqueLocal.Contains(v6))
            {
                diagnostics.Add(DiagnosticCatalog.Ipv6NotUla.At(span, v6));
            }
        }

        CheckStackList("network.podNetworks", network.PodNetworks, network, nameof(network.PodNetworks), diagnostics);
        CheckStackList("network.serviceNetworks", network.ServiceNetworks, network, nameof(network.ServiceNetworks), diagnostics);

        var podsV6 = network.PodNetworks.Any(n => n.IsIPv6);
        var servicesV6 = network.ServiceNetworks.Any(n => n.IsIPv6);
        if (podsV6 != servicesV6)
        {
            var (has, hasNot, property) = podsV6
                ? ("network.podNetworks", "network.serviceNetworks", nameof(network.ServiceNetworks))
                : ("network.serviceNetworks", "network.podNetworks", nameof(network.PodNetworks));
            diagnostics.Add(DiagnosticCatalog.DualStackIncomplete.At(network.SpanOf(property), has, hasNot));
        }

        for (var i = 0; i < network.ServiceNetworks.Count; i++)
        {
            var service = network.ServiceNetworks[i];
            if (service.HostBits > 20)
            {
                var bits = service.IsIPv6 ? 128 : 32;
                diagnostics.Add(DiagnosticCatalog.ServiceNetworkTooLarge.At(network.SpanOf(nameof(network.ServiceNetworks), i), service, service.HostBits, bits - 20));
            }
        }
    }

    private static void CheckStackList(string label, IReadOnlyList<IpNetwork> networks, NetworkSettings owner, string property, DiagnosticBag diagnostics)
    {
        for (var i = 0; i < networks.Count; i++)
        {
            var span = owner.SpanOf(property, i);
            CheckCanonical($"{label}[{i}]", networks[i], span, diagnostics);
            var expected = i == 0 ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6;
            ExpectFamily($"{label}[{i}]", networks[i], expected, span, diagnostics,
                "List the IPv4 network first and the IPv6 network second");
        }
    }

    private static void CheckCanonical(string label, IpNetwork network, SourceSpan span, DiagnosticBag diagnostics)
    {
        if (!network.IsCanonical)
        {
            diagnostics.Add(DiagnosticCatalog.CidrNotCanonical.At(span, label, network, network.Canonical));
        }
    }

    private static void ExpectFamily(string label, IpNetwork network, AddressFamily expected, SourceSpan span, DiagnosticBag diagnostics, string hint)
    {
        if (network.Family != expected)
        {
            diagnostics.Add(DiagnosticCatalog.NetworkFamilyMismatch.At(span, label, network, FamilyName(network.Family), FamilyName(expected), hint));
        }
    }

    private static string FamilyName(AddressFamily family) => family == AddressFamily.InterNetworkV6 ? "IPv6" : "IPv4";

    private static void CheckOverlaps(ClusterDefinition config, DiagnosticBag diagnostics)
    {
        var ranges = NamedRanges(config);
        var allowPoolsInNodeNetwork = config.LoadBalancer.Mode == LoadBalancerMode.L2;
        for (var i = 0; i < ranges.Count; i++)
        {
            for (var j = i + 1; j < ranges.Count; j++)
            {
                var (a, b) = (ranges[i], ranges[j]);
                if (a.IsPool && b.IsPool)
                {
                    continue; // reported by CheckPools with its own code
                }

                if (allowPoolsInNodeNetwork && ((a.IsPool && b.IsNodeNetwork) || (b.IsPool && a.IsNodeNetwork)))
                {
                    continue; // L2 announcements need the pool on the node network
                }

                if (a.Range.Overlaps(b.Range))
                {
                    diagnostics.Add(DiagnosticCatalog.NetworksOverlap.At(b.Span, b.Label, b.Text, a.Label, a.Text));
                }
            }
        }
    }

    private static List<NamedRange> NamedRanges(ClusterDefinition config)
    {
        var network = config.Network;
        var ranges = new List<NamedRange>
        {
            new("network.nodeNetwork", network.NodeNetwork.ToString(), IpRange.FromNetwork(network.NodeNetwork), network.SpanOf(nameof(network.NodeNetwork)), false, true),
        };
        if (network.NodeNetworkIPv6 is { } v6)
        {
            ranges.Add(new("network.nodeNetworkIPv6", v6.ToString(), IpRange.FromNetwork(v6), network.SpanOf(nameof(network.NodeNetworkIPv6)), false, true));
        }

        for (var i = 0; i < network.PodNetworks.Count; i++)
        {
            ranges.Add(new($"network.podNetworks[{i}]", network.PodNetworks[i].ToString(), IpRange.FromNetwork(network.PodNetworks[i]), network.SpanOf(nameof(network.PodNetworks), i), false, false));
        }

        for (var i = 0; i < network.ServiceNetworks.Count; i++)
        {
            ranges.Add(new($"network.serviceNetworks[{i}]", network.ServiceNetworks[i].ToString(), IpRange.FromNetwork(network.ServiceNetworks[i]), network.SpanOf(nameof(network.ServiceNetworks), i), false, false));
        }

        foreach (var pool in config.LoadBalancer.Pools)
        {
            if (pool.Addresses is { } addresses && addresses.First <= addresses.Last && addresses.Start.AddressFamily == addresses.End.AddressFamily)
            {
                var property = pool.Range is not null ? nameof(pool.Range) : nameof(pool.Cidr);
                ranges.Add(new($"load-balancer pool '{pool.Name}'", PoolText(pool), addresses, pool.SpanOf(property), true, false));
            }
        }

        return ranges;
    }

    private static string PoolText(LoadBalancerPool pool) => pool.Range?.ToString() ?? pool.Cidr?.ToString() ?? string.Empty;

    private static void CheckPools(ClusterDefinition config, DiagnosticBag diagnostics)
    {
        var lb = config.LoadBalancer;
        ReportDuplicateNames("load-balancer pool", lb.Pools, p => p.Name, p => p.SpanOf(nameof(p.Name)), diagnostics);
        var valid = new List<(LoadBalancerPool Pool, IpRange Range)>();
        foreach (var pool in lb.Pools)
        {
            if (pool.Range is null && pool.Cidr is null)
            {
                diagnostics.Add(DiagnosticCatalog.PoolRangeInvalid.At(pool.Span, pool.Name, "neither range nor cidr is set", "Add 'range: <start>-<end>' or 'cidr: <network>/<prefix>'"));
                continue;
            }

            if (pool.Range is not null && pool.Cidr is not null)
            {
                diagnostics.Add(DiagnosticCatalog.PoolRangeInvalid.At(pool.SpanOf(nameof(pool.Cidr)), pool.Name, "both range and cidr are set", "Keep one of them"));
                continue;
            }

            if (pool.Cidr is { } cidr)
            {
                CheckCanonical($"load-balancer pool '{pool.Name}' cidr", cidr, pool.SpanOf(nameof(pool.Cidr)), diagnostics);
            }

            var range = pool.Addresses!;
            var span = pool.SpanOf(pool.Range is not null ? nameof(pool.Range) : nameof(pool.Cidr));
            if (range.Start.AddressFamily != range.End.AddressFamily)
            {
                diagnostics.Add(DiagnosticCatalog.PoolRangeInvalid.At(span, pool.Name, $"range {range} mixes IPv4 and IPv6", "Use two addresses of the same family"));
                continue;
            }

            if (range.First > range.Last)
            {
                diagnostics.Add(DiagnosticCatalog.PoolRangeInvalid.At(span, pool.Name, $"range {range} starts after it ends", $"Write it as {range.End}-{range.Start}"));
                continue;
            }

            foreach (var (other, otherRange) in valid)
            {
                if (range.Overlaps(otherRange))
                {
                    diagnostics.Add(DiagnosticCatalog.PoolsOverlap.At(span, pool.Name, PoolText(pool), other.Name, PoolText(other)));
                }
            }

            if (lb.Mode == LoadBalancerMode.L2)
            {
                var nodeNetworks = new[] { config.Network.NodeNetwork, config.Network.NodeNetworkIPv6 }.OfType<IpNetwork>();
                var home = nodeNetworks.FirstOrDefault(n => n.Family == range.Family);
                if (home is not null && !(home.Contains(range.Start) && home.Contains(range.End)))
                {
                    diagnostics.Add(DiagnosticCatalog.PoolOutsideNodeNetwork.At(span, pool.Name, PoolText(pool), home));
                }
            }

            CheckPoolAddressPlan(config, pool, range, span, diagnostics);
            valid.Add((pool, range));
        }

        CheckAlsoServes(valid, lb.Pools, diagnostics);
        if (lb.Mode == LoadBalancerMode.None && lb.Pools.Count > 0)
        {
            diagnostics.Add(DiagnosticCatalog.PoolsNotAnnounced.At(lb.SpanOf(nameof(lb.Pools)), lb.Pools.Count));
        }

        if (lb.Mode != LoadBalancerMode.None && lb.Pools.Count == 0)
        {
            diagnostics.Add(DiagnosticCatalog.NoPools.At(lb.SpanOf(nameof(lb.Mode)), SchemaReflector.EnumName(lb.Mode)));
        }
    }

    private static void ReportDuplicateNames<T>(string what, IEnumerable<T> items, Func<T, string> name, Func<T, SourceSpan> span, DiagnosticBag diagnostics)
    {
        var seen = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (seen.TryGetValue(name(item), out var first))
            {
                diagnostics.Add(DiagnosticCatalog.DuplicateName.At(span(item), what, name(item), first.Line));
            }
            else
            {
                seen[name(item)] = span(item);
            }
        }
    }
}
