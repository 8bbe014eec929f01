using System.Globalization;
using System.Net;
using System.Net.Sockets;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Networking;

namespace HomeOps.Core.ClusterConfig;

public static partial class ClusterValidator
{
    /// <summary>RFC 1918's private IPv4 networks and RFC 4193's unique local IPv6 addresses.</summary>
    private static readonly IpNetwork[] s_privateNetworks =
    [
        new(IPAddress.Parse("10.0.0.0"), 8),
        new(IPAddress.Parse("172.16.0.0"), 12),
        new(IPAddress.Parse("192.168.0.0"), 16),
        new(IPAddress.Parse("fc00::"), 7),
    ];

    /// <summary>A node network of this size stands in when cluster.yaml has none of the pool's family (an IPv6 subnet is a /64).</summary>
    private static readonly IpNetwork s_defaultIPv6Subnet = new(IPAddress.Parse("fd00::"), 64);

    /// <summary>
    /// The pool against the address plan: its addresses must be private unless the pool says otherwise, and it should
    /// not hold more addresses than the node network of its family, which holds every machine of the cluster.
    /// </summary>
    private static void CheckPoolAddressPlan(ClusterDefinition config, LoadBalancerPool pool, IpRange range, SourceSpan span, DiagnosticBag diagnostics)
    {
        var family = s_privateNetworks.Where(n => n.Family == range.Family).ToList();
        if (!pool.AllowPublic && !family.Exists(n => n.Contains(range.Start) && n.Contains(range.End)))
        {
            var names = range.Family == AddressFamily.InterNetworkV6
                ? "unique local addresses, fc00::/7"
                : "RFC 1918: " + string.Join(", ", family.Select(n => n.ToString()));
            diagnostics.Add(DiagnosticCatalog.PoolNotPrivate.At(span, pool.Name, PoolText(pool), names));
        }

        var (plan, label) = range.Family == AddressFamily.InterNetworkV6
            ? (config.Network.NodeNetworkIPv6, "IPv6 node network")
            : (config.Network.NodeNetwork, "node network");
        plan ??= s_defaultIPv6Subnet;
        if (plan.Family == range.Family && range.Last - range.First > plan.Last - plan.First)
        {
            diagnostics.Add(DiagnosticCatalog.PoolLargerThanPlan.At(span, pool.Name, PoolText(pool), Count(range.Last - range.First),
                label, plan == s_defaultIPv6Subnet ? "a /64" : plan.ToString(), Count(plan.Last - plan.First)));
        }
    }

    /// <summary>How many addresses lie between two addresses whose difference is <paramref name="lastMinusFirst"/>: exact up to 2^40, then as a power of two.</summary>
    private static string Count(UInt128 lastMinusFirst)
    {
        if (lastMinusFirst < (UInt128.One << 40))
        {
            return ((ulong)(lastMinusFirst + 1)).ToString("N0", CultureInfo.InvariantCulture);
        }

        var bits = 127;
        while (bits > 0 && (lastMinusFirst >> bits) == 0)
        {
            bits--;
        }

        return $"about 2^{bits + 1}";
    }

    /// <summary>
    /// alsoServes names other pools, of the other family: Cilium allocates each family from the first matching range it
    /// stored, so two pools of one family serving the same Services would make the choice depend on store order.
    /// </summary>
    private static void CheckAlsoServes(IReadOnlyList<(LoadBalancerPool Pool, IpRange Range)> pools, IReadOnlyList<LoadBalancerPool> all, DiagnosticBag diagnostics)
    {
        foreach (var (pool, range) in pools)
        {
            for (var i = 0; i < pool.AlsoServes.Count; i++)
            {
                var name = pool.AlsoServes[i];
                var span = pool.SpanOf(nameof(pool.AlsoServes), i);
                if (!all.Any(p => p.Name == name))
                {
                    diagnostics.Add(DiagnosticCatalog.PoolServesUnknown.At(span, pool.Name, name, string.Join(", ", all.Where(p => p != pool).Select(p => p.Name))));
                }
                else if (pools.FirstOrDefault(p => p.Pool.Name == name) is { Pool: not null } served && served.Range.Family == range.Family)
                {
                    diagnostics.Add(DiagnosticCatalog.PoolServesSameFamily.At(span, pool.Name, FamilyName(range.Family), name, FamilyName(served.Range.Family)));
                }
            }
        }
    }
}
