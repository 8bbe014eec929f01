using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Model;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>
/// Every LoadBalancer Service of the rendered tree (charts included) against Cilium 1.17's LB IPAM and BGP control
/// plane: which pool gives it which IP family, as the operator chooses (per family, the first enabled range of a pool
/// whose serviceSelector matches), and whether BGP announces it. HO4020 a family no pool can give, HO4021 a pool
/// family no advertisement can announce, HO4022 a Service address no advertisement announces, HO4023 two pools that
/// could both give a Service the same family. A Service no pool selects at all is HO4010's (LoadBalancerRule).
/// </summary>
public sealed class LoadBalancerFamilyRule : IGitOpsRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors =>
    [
        DiagnosticCatalog.LoadBalancerFamilyNoPool, DiagnosticCatalog.LoadBalancerPoolNotAnnounced,
        DiagnosticCatalog.LoadBalancerAddressNotAnnounced, DiagnosticCatalog.LoadBalancerPoolsAmbiguous,
    ];

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        var pools = Providers.Of(context, "cilium.io", "CiliumLoadBalancerIPPool")
            .Where(p => p.Root.Bool("spec", "disabled") != true)
            .Select(p => (Pool: p, Families: LoadBalancerFamilies.FamiliesOf(p)))
            .ToList();
        var bgp = BgpAnnouncements.Of(context);
        var unannounced = new HashSet<(string Pool, string Family)>();
        if (bgp.InUse)
        {
            foreach (var (pool, families) in pools)
            {
                foreach (var family in families.Order(StringComparer.Ordinal).Where(f => !bgp.Reaching(f, pool.Root.At("spec", "serviceSelector")).Any()))
                {
                    unannounced.Add((pool.Name, family));
                    yield return DiagnosticCatalog.LoadBalancerPoolNotAnnounced.At(pool.Origin.Locate("spec", "blocks"), pool.Name, family,
                        family == LoadBalancerFamilies.IPv6 ? "ipv6" : "ipv4");
                }
            }
        }

        var cluster = LoadBalancerFamilies.ClusterFamilies(context);
        var cilium = LoadBalancerFamilies.CiliumFamilies(context, cluster);
        foreach (var svc in context.Tree.AllObjects.Where(IsLoadBalancer))
        {
            var lbClass = svc.Root.Str("spec", "loadBalancerClass");
            var requestsAddresses = svc.Annotations.ContainsKey("lbipam.cilium.io/ips") || svc.Annotations.ContainsKey("io.cilium/lb-ipam-ips")
                || svc.Root.Str("spec", "loadBalancerIP") is { Length: > 0 };
            if ((lbClass is not null && !lbClass.StartsWith("io.cilium/", StringComparison.Ordinal)) || requestsAddresses)
            {
                continue; // another implementation's, or specific addresses (HO4011 checks those against the pools)
            }

            var labels = LoadBalancerFamilies.SelectorLabels(svc);
            var selecting = pools.Where(p => LabelSelector.Matches(p.Pool.Root.At("spec", "serviceSelector"), labels)).ToList();
            if (selecting.Count == 0)
            {
                continue; // HO4010
            }

            var request = LoadBalancerFamilies.Requested(svc, cluster, cilium);
            foreach (var family in request.Families)
            {
                var giving = selecting.Where(p => p.Families.Contains(family)).Select(p => p.Pool).ToList();
                var at = svc.Root.At("spec", "ipFamilyPolicy") is not null ? svc.Origin.Locate("spec", "ipFamilyPolicy") : svc.Origin.Locate("spec", "type");
                if (giving.Count == 0)
                {
                    yield return DiagnosticCatalog.LoadBalancerFamilyNoPool.At(at, svc, family, request.Reason, string.Join(", ", selecting.Select(p => p.Pool.Name)));
                    continue;
                }

                if (giving.Count > 1)
                {
                    yield return DiagnosticCatalog.LoadBalancerPoolsAmbiguous.At(at, svc, family, string.Join(", ", giving.Select(p => p.Name)));
                }

                var bgpAnnounced = lbClass is null or "io.cilium/bgp-control-plane";
                if (bgp.InUse && bgpAnnounced && giving.All(p => !unannounced.Contains((p.Name, family))) && !bgp.Announcing(family, labels).Any())
                {
                    yield return DiagnosticCatalog.LoadBalancerAddressNotAnnounced.At(at, svc, family, string.Join(", ", giving.Select(p => p.Name)),
                        family == LoadBalancerFamilies.IPv6 ? "ipv6" : "ipv4");
                }
            }
        }
    }

    private static bool IsLoadBalancer(KubeObject o) => o.Kind == "Service" && o.Group.Length == 0 && o.Root.Str("spec", "type") == "LoadBalancer";
}
