using System.Net.Sockets;
using System.Text;
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
        var text = new StringBuilder()
            .Append(PlatformRenderer.Header)
            .Append("# Cilium LoadBalancer IP pools (cluster.yaml: loadBalancer.pools). A LoadBalancer Service gets an address\n")
            .Append("# only from the pool its label ").Append(PoolLabel).Append(" names; an annotation is not enough.\n");
        foreach (var pool in pools)
        {
            text.Append("---\n");
            if (pool.Description is { } description)
            {
                text.Append("# ").Append(YamlText.CommentText(description)).Append('\n');
            }

            text.Append("apiVersion: cilium.io/v2alpha1\n")
                .Append("kind: CiliumLoadBalancerIPPool\n")
                .Append("metadata:\n")
                .Append("  name: ").Append(pool.Name).Append('\n')
                .Append("spec:\n")
                .Append("  blocks:\n");
            if (pool.Cidr is { } cidr)
            {
                text.Append("    - cidr: ").Append(YamlScalarStyle.DoubleQuoted(cidr.ToString())).Append('\n');
            }
            else if (pool.Range is { } range)
            {
                text.Append("    - start: ").Append(YamlScalarStyle.DoubleQuoted(range.Start.ToString())).Append('\n')
                    .Append("      stop: ").Append(YamlScalarStyle.DoubleQuoted(range.End.ToString())).Append('\n');
            }

            text.Append("  serviceSelector:\n");
            if (pool.AlsoServes.Count == 0)
            {
                text.Append("    matchLabels:\n")
                    .Append("      ").Append(PoolLabel).Append(": ").Append(pool.Name).Append('\n');
                continue;
            }

            // Cilium matches the selector per family (operator/pkg/lbipam/lbipam.go allocateIPAddress): a Service
            // labelled for a served pool draws its other family's address here.
            text.Append("    matchExpressions:\n")
                .Append("      - key: ").Append(PoolLabel).Append('\n')
                .Append("        operator: In\n")
                .Append("        values:\n");
            foreach (var name in ServedLabels(pool))
            {
                text.Append("          - ").Append(name).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>The values of <see cref="PoolLabel"/> whose Services a pool gives addresses to: its own name and alsoServes.</summary>
    public static IEnumerable<string> ServedLabels(LoadBalancerPool pool) => new[] { pool.Name }.Concat(pool.AlsoServes).Distinct(StringComparer.Ordinal);

    public static string WriteBgp(string clusterName, BgpSettings bgp, IReadOnlyList<LoadBalancerPool> pools)
    {
        var families = new[] { new Family("ipv4", AddressFamily.InterNetwork), new Family("ipv6", AddressFamily.InterNetworkV6) };
        var text = new StringBuilder()
            .Append(PlatformRenderer.Header)
            .Append("# BGP peering of every node with the router(s) in cluster.yaml (loadBalancer.bgp), announcing the\n")
            .Append("# LoadBalancer addresses of Services that use a pool. A session carries the address family of its peer: over an\n")
            .Append("# IPv4 session Cilium 1.17 gives IPv6 routes an IPv4-mapped next hop (::ffff:a.b.c.d, cilium/cilium#37831), which\n")
            .Append("# the router must resolve through IPv4; an IPv6 session's next hop is the node's own IPv6 address.\n");
        foreach (var family in families)
        {
            var familyPools = pools.Where(p => p.Addresses?.Family == family.AddressFamily).Select(p => p.Name).ToList();
            var familyPeers = bgp.Peers.Where(p => p.Address.AddressFamily == family.AddressFamily).ToList();
            if (familyPools.Count > 0 && familyPeers.Count == 0)
            {
                text.Append("# Not announced: pool(s) ").Append(string.Join(", ", familyPools)).Append(" (no ").Append(family.Afi)
                    .Append(" peer in cluster.yaml; add one to loadBalancer.bgp.peers).\n");
            }
        }

        text.Append("---\n")
            .Append("apiVersion: cilium.io/v2alpha1\n")
            .Append("kind: CiliumBGPClusterConfig\n")
            .Append("metadata:\n")
            .Append("  name: ").Append(clusterName).Append('\n')
            .Append("spec:\n")
            .Append("  nodeSelector:\n")
            .Append("    matchLabels:\n")
            .Append("      kubernetes.io/os: linux\n")
            .Append("  bgpInstances:\n")
            .Append("    - name: ").Append(clusterName).Append('\n')
            .Append("      localASN: ").Append(bgp.LocalAsn).Append('\n')
            .Append("      peers:\n");
        foreach (var peer in bgp.Peers)
        {
            var family = families.Single(f => f.AddressFamily == peer.Address.AddressFamily);
            text.Append("        - name: ").Append(peer.Name).Append('\n')
                .Append("          peerASN: ").Append(peer.Asn).Append('\n')
                .Append("          peerAddress: ").Append(YamlScalarStyle.DoubleQuoted(peer.Address.ToString())).Append('\n')
                .Append("          peerConfigRef:\n")
                .Append("            name: ").Append(family.ConfigName).Append('\n');
        }

        foreach (var family in families.Where(f => bgp.Peers.Any(p => p.Address.AddressFamily == f.AddressFamily)))
        {
            var familyPools = pools.Where(p => p.Addresses?.Family == family.AddressFamily).SelectMany(ServedLabels).Distinct(StringComparer.Ordinal).ToList();
            text.Append("---\n")
                .Append("apiVersion: cilium.io/v2alpha1\n")
                .Append("kind: CiliumBGPPeerConfig\n")
                .Append("metadata:\n")
                .Append("  name: ").Append(family.ConfigName).Append('\n')
                .Append("spec:\n")
                .Append("  gracefulRestart:\n")
                .Append("    enabled: true\n")
                .Append("    restartTimeSeconds: 120\n")
                .Append("  families:\n")
                .Append("    - afi: ").Append(family.Afi).Append('\n')
                .Append("      safi: unicast\n")
                .Append("      advertisements:\n")
                .Append("        matchLabels:\n")
                .Append("          ").Append(AdvertiseLabel).Append(": ").Append(family.ConfigName).Append('\n')
                .Append("---\n")
                .Append("# The LoadBalancer addresses of Services in the ").Append(family.Afi).Append(" pools (each route goes only to sessions of its own family).\n")
                .Append("apiVersion: cilium.io/v2alpha1\n")
                .Append("kind: CiliumBGPAdvertisement\n")
                .Append("metadata:\n")
                .Append("  name: ").Append(family.ConfigName).Append('\n')
                .Append("  labels:\n")
                .Append("    ").Append(AdvertiseLabel).Append(": ").Append(family.ConfigName).Append('\n')
                .Append("spec:\n")
                .Append("  advertisements:\n")
                .Append("    - advertisementType: Service\n")
                .Append("      service:\n")
                .Append("        addresses:\n")
                .Append("          - LoadBalancerIP\n")
                .Append("      selector:\n")
                .Append("        matchExpressions:\n")
                .Append("          - key: ").Append(PoolLabel).Append('\n')
                .Append("            operator: In\n")
                .Append("            values:\n");
            if (familyPools.Count == 0)
            {
                // An empty In list is invalid; an upper-case value can be no pool name, so this matches nothing.
                text.Append("              - NO-POOL\n");
            }

            foreach (var name in familyPools)
            {
                text.Append("              - ").Append(name).Append('\n');
            }
        }

        return text.ToString();
    }

    private sealed record Family(string Afi, AddressFamily AddressFamily)
    {
        public string ConfigName => $"{Afi}-load-balancers";
    }
}
