using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>
/// What Cilium 1.17's BGP control plane (v2 resources) announces of LoadBalancer addresses, read from the tree: every
/// peer of a CiliumBGPClusterConfig with a peerConfigRef, each address family of that CiliumBGPPeerConfig, the
/// CiliumBGPAdvertisements its advertisements selector picks by label, and in them each Service advertisement of
/// LoadBalancerIP addresses with its Service selector. A route goes only to a family of its own kind (IPv4 addresses
/// to afi ipv4, IPv6 to ipv6). Source: cilium/cilium v1.17.6 pkg/bgpv1/manager/reconcilerv2/peer_advertisements.go
/// (a peer without peerConfigRef, or a family without an advertisements selector, advertises nothing) and service.go
/// (a nil Service selector matches no Service; getServiceAFPaths keeps the prefix's own family).
/// </summary>
internal sealed class BgpAnnouncements
{
    private BgpAnnouncements(bool inUse, IReadOnlyList<Path> paths)
    {
        InUse = inUse;
        Paths = paths;
    }

    /// <summary>A way a Service's address reaches a router: the peer, the family and the advertisement's Service selector.</summary>
    public sealed record Path(string Peer, string Family, YamlMapping ServiceSelector, KubeObject Advertisement);

    /// <summary>Whether the tree configures BGPv2 at all (a CiliumBGPClusterConfig); otherwise nothing here applies.</summary>
    public bool InUse { get; }

    public IReadOnlyList<Path> Paths { get; }

    public static BgpAnnouncements Of(RuleContext context)
    {
        var clusterConfigs = Providers.Of(context, "cilium.io", "CiliumBGPClusterConfig");
        var peerConfigs = Providers.Of(context, "cilium.io", "CiliumBGPPeerConfig");
        var adverts = Providers.Of(context, "cilium.io", "CiliumBGPAdvertisement");
        var paths = new List<Path>();
        foreach (var peer in clusterConfigs.SelectMany(c => c.Root.Seq("spec", "bgpInstances")).SelectMany(i => i.Seq("peers")))
        {
            var peerConfig = peerConfigs.FirstOrDefault(p => p.Name == peer.Str("peerConfigRef", "name"));
            foreach (var family in peerConfig?.Root.Seq("spec", "families") ?? [])
            {
                var afi = family.Str("afi") switch
                {
                    "ipv4" => LoadBalancerFamilies.IPv4,
                    "ipv6" => LoadBalancerFamilies.IPv6,
                    _ => null,
                };
                if (afi is null || family.Str("safi") != "unicast" || family.At("advertisements") is not YamlMapping selector)
                {
                    continue;
                }

                foreach (var advert in adverts.Where(a => LabelSelector.Matches(selector, a.Labels)))
                {
                    foreach (var item in advert.Root.Seq("spec", "advertisements"))
                    {
                        if (item.Str("advertisementType") == "Service"
                            && item.Seq("service", "addresses").Any(a => a.Str() == "LoadBalancerIP")
                            && item.At("selector") is YamlMapping services)
                        {
                            paths.Add(new Path(peer.Str("name") ?? "?", afi, services, advert));
                        }
                    }
                }
            }
        }

        return new BgpAnnouncements(clusterConfigs.Count > 0, paths);
    }

    /// <summary>The paths of <paramref name="family"/> whose advertisement selects a Service with these labels.</summary>
    public IEnumerable<Path> Announcing(string family, IReadOnlyDictionary<string, string> serviceLabels) =>
        Paths.Where(p => p.Family == family && LabelSelector.Matches(p.ServiceSelector, serviceLabels));

    /// <summary>The paths of <paramref name="family"/> that can select some Service the pool's selector also selects.</summary>
    public IEnumerable<Path> Reaching(string family, YamlNode? poolSelector) =>
        Paths.Where(p => p.Family == family && LabelSelector.Intersects(p.ServiceSelector, poolSelector));
}
