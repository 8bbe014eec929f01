using System.Globalization;
using System.Net.Sockets;
using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.Platform;

/// <summary>
/// Cilium's LoadBalancer IP pools and BGP peering (BGPv2 resources: cluster config, peer config, advertisement),
/// generated from cluster.yaml's loadBalancer section.
/// </summary>
public static class CiliumConfigManifests
{
    /// <summary>The Service label every pool selects on; a Service without it gets no address.</summary>
    public const string PoolLabel = "io.cilium/lb-ipam-pool";

    /// <summary>The label that ties a peer config's address family to its advertisement.</summary>
    public const string AdvertiseLabel = "homeops.dev/advertise";

    public static string WritePools(IReadOnlyList<LoadBalancerPool> pools)
    {
        var yaml = PlatformFiles.NewFile()
            .Comment("Cilium LoadBalancer IP pools (cluster.yaml: loadBalancer.pools). A LoadBalancer Service gets an address")
            .Comment($"only from the pool its label {PoolLabel} names; an annotation is not enough.");
        foreach (var pool in pools)
        {
            yaml.Document();
            if (pool.Description is { } description)
            {
                yaml.Comment(YamlText.CommentText(description));
            }

            yaml.Map()
                .Entry("apiVersion", "cilium.io/v2alpha1")
                .Entry("kind", "CiliumLoadBalancerIPPool")
                .Key("metadata").Map().Entry("name", pool.Name).EndMap()
                .Key("spec").Map()
                .Key("blocks").List();
            if (pool.Cidr is { } cidr)
            {
                yaml.Map().Key("cidr").DoubleQuoted(cidr.ToString()).EndMap();
            }
            else if (pool.Range is { } range)
            {
                yaml.Map().Key("start").DoubleQuoted(range.Start.ToString()).Key("stop").DoubleQuoted(range.End.ToString()).EndMap();
            }

            yaml.EndList().Key("serviceSelector").Map();
            if (pool.AlsoServes.Count == 0)
            {
                yaml.Key("matchLabels").Map().Entry(PoolLabel, pool.Name).EndMap();
            }
            else
            {
                // Cilium matches the selector per family (operator/pkg/lbipam/lbipam.go allocateIPAddress): a Service
                // labelled for a served pool draws its other family's address here.
                yaml.Key("matchExpressions").List().Map()
                    .Entry("key", PoolLabel)
                    .Entry("operator", "In")
                    .Key("values").List();
                foreach (var name in ServedLabels(pool))
                {
                    yaml.Plain(name);
                }

                yaml.EndList().EndMap().EndList();
            }

            yaml.EndMap().EndMap().EndMap();
        }

        return yaml.ToString();
    }

    /// <summary>The values of <see cref="PoolLabel"/> whose Services a pool gives addresses to: its own name and alsoServes.</summary>
    public static IEnumerable<string> ServedLabels(LoadBalancerPool pool) => new[] { pool.Name }.Concat(pool.AlsoServes).Distinct(StringComparer.Ordinal);

    public static string WriteBgp(string clusterName, BgpSettings bgp, IReadOnlyList<LoadBalancerPool> pools)
    {
        var families = new[] { new Family("ipv4", AddressFamily.InterNetwork), new Family("ipv6", AddressFamily.InterNetworkV6) };
        var yaml = PlatformFiles.NewFile()
            .Comment("BGP peering of every node with the router(s) in cluster.yaml (loadBalancer.bgp), announcing the")
            .Comment("LoadBalancer addresses of Services that use a pool. A session carries the address family of its peer: over an")
            .Comment("IPv4 session Cilium 1.17 gives IPv6 routes an IPv4-mapped next hop (::ffff:a.b.c.d, cilium/cilium#37831), which")
            .Comment("the router must resolve through IPv4; an IPv6 session's next hop is the node's own IPv6 address.");
        foreach (var family in families)
        {
            var familyPools = pools.Where(p => p.Addresses?.Family == family.AddressFamily).Select(p => p.Name).ToList();
            var familyPeers = bgp.Peers.Where(p => p.Address.AddressFamily == family.AddressFamily).ToList();
            if (familyPools.Count > 0 && familyPeers.Count == 0)
            {
                yaml.Comment($"Not announced: pool(s) {string.Join(", ", familyPools)} (no {family.Afi} peer in cluster.yaml; add one to loadBalancer.bgp.peers).");
            }
        }

        yaml.Document().Map()
            .Entry("apiVersion", "cilium.io/v2alpha1")
            .Entry("kind", "CiliumBGPClusterConfig")
            .Key("metadata").Map().Entry("name", clusterName).EndMap()
            .Key("spec").Map()
                .Key("nodeSelector").Map().Key("matchLabels").Map().Entry("kubernetes.io/os", "linux").EndMap().EndMap()
                .Key("bgpInstances").List().Map()
                    .Entry("name", clusterName)
                    .Entry("localASN", bgp.LocalAsn.ToString(CultureInfo.InvariantCulture))
                    .Key("peers").List();
        foreach (var peer in bgp.Peers)
        {
            var family = families.Single(f => f.AddressFamily == peer.Address.AddressFamily);
            yaml.Map()
                .Entry("name", peer.Name)
                .Entry("peerASN", peer.Asn.ToString(CultureInfo.InvariantCulture))
                .Key("peerAddress").DoubleQuoted(peer.Address.ToString())
                .Key("peerConfigRef").Map().Entry("name", family.ConfigName).EndMap()
                .EndMap();
        }

        yaml.EndList().EndMap().EndList().EndMap().EndMap();
        foreach (var family in families.Where(f => bgp.Peers.Any(p => p.Address.AddressFamily == f.AddressFamily)))
        {
            var familyPools = pools.Where(p => p.Addresses?.Family == family.AddressFamily).SelectMany(ServedLabels).Distinct(StringComparer.Ordinal).ToList();
            WritePeerConfig(yaml, family);
            WriteAdvertisement(yaml, family, familyPools);
        }

        return yaml.ToString();
    }

    private static void WritePeerConfig(YamlWriter yaml, Family family) =>
        yaml.Document().Map()
            .Entry("apiVersion", "cilium.io/v2alpha1")
            .Entry("kind", "CiliumBGPPeerConfig")
            .Key("metadata").Map().Entry("name", family.ConfigName).EndMap()
            .Key("spec").Map()
                .Key("gracefulRestart").Map().Entry("enabled", "true").Entry("restartTimeSeconds", "120").EndMap()
                .Key("families").List().Map()
                    .Entry("afi", family.Afi)
                    .Entry("safi", "unicast")
                    .Key("advertisements").Map().Key("matchLabels").Map().Entry(AdvertiseLabel, family.ConfigName).EndMap().EndMap()
                .EndMap().EndList()
            .EndMap()
            .EndMap();

    private static void WriteAdvertisement(YamlWriter yaml, Family family, List<string> familyPools)
    {
        yaml.Document()
            .Comment($"The LoadBalancer addresses of Services in the {family.Afi} pools (each route goes only to sessions of its own family).")
            .Map()
            .Entry("apiVersion", "cilium.io/v2alpha1")
            .Entry("kind", "CiliumBGPAdvertisement")
            .Key("metadata").Map()
                .Entry("name", family.ConfigName)
                .Key("labels").Map().Entry(AdvertiseLabel, family.ConfigName).EndMap()
            .EndMap()
            .Key("spec").Map()
                .Key("advertisements").List().Map()
                    .Entry("advertisementType", "Service")
                    .Key("service").Map().Key("addresses").List().Plain("LoadBalancerIP").EndList().EndMap()
                    .Key("selector").Map().Key("matchExpressions").List().Map()
                        .Entry("key", PoolLabel)
                        .Entry("operator", "In")
                        .Key("values").List();

        // An empty In list is invalid; an upper-case value can be no pool name, so this matches nothing.
        foreach (var name in familyPools.Count == 0 ? ["NO-POOL"] : familyPools)
        {
            yaml.Plain(name);
        }

        yaml.EndList().EndMap().EndList().EndMap()
            .EndMap().EndList()
            .EndMap()
            .EndMap();
    }

    private sealed record Family(string Afi, AddressFamily AddressFamily)
    {
        public string ConfigName => $"{Afi}-load-balancers";
    }
}
