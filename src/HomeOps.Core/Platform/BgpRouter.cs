using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Diagnostics;

namespace HomeOps.Core.Platform;

/// <summary>One router the cluster peers with: the BGP peers of cluster.yaml that share its AS number (one session per address family).</summary>
public sealed record BgpRouter(string Name, long Asn, IReadOnlyList<BgpPeer> Sessions)
{
    /// <summary>
    /// The router named by <paramref name="peerName"/> (any of its peers), or the only router when no name is given.
    /// Reports an unknown name or an ambiguous choice and returns null.
    /// </summary>
    public static BgpRouter? Select(BgpSettings bgp, string? peerName, SourceSpan at, DiagnosticBag diagnostics)
    {
        var names = string.Join(", ", bgp.Peers.Select(p => p.Name));
        long asn;
        if (peerName is not null)
        {
            var peer = bgp.Peers.FirstOrDefault(p => string.Equals(p.Name, peerName, StringComparison.Ordinal));
            if (peer is null)
            {
                diagnostics.Add(DiagnosticCatalog.BgpPeerUnknown.At(at, peerName, names));
                return null;
            }

            asn = peer.Asn;
        }
        else
        {
            var asns = bgp.Peers.Select(p => p.Asn).Distinct().ToList();
            if (asns.Count != 1)
            {
                diagnostics.Add(DiagnosticCatalog.BgpPeerAmbiguous.At(at, asns.Count, names));
                return null;
            }

            asn = asns[0];
        }

        var sessions = bgp.Peers.Where(p => p.Asn == asn).ToList();
        var name = peerName ?? sessions[0].Name;
        return new BgpRouter(name, asn, sessions);
    }
}
