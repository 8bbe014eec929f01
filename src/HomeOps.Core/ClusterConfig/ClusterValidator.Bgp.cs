using HomeOps.Core.Diagnostics;
using HomeOps.Core.Schema;

namespace HomeOps.Core.ClusterConfig;

public static partial class ClusterValidator
{
    private static void CheckBgp(ClusterDefinition config, DiagnosticBag diagnostics)
    {
        var lb = config.LoadBalancer;
        if (lb.Mode == LoadBalancerMode.Bgp && lb.Bgp is null)
        {
            diagnostics.Add(DiagnosticCatalog.BgpSettingsMissing.At(lb.SpanOf(nameof(lb.Mode))));
            return;
        }

        if (lb.Bgp is not { } bgp)
        {
            return;
        }

        if (lb.Mode != LoadBalancerMode.Bgp)
        {
            diagnostics.Add(DiagnosticCatalog.BgpSettingsUnused.At(lb.SpanOf(nameof(lb.Bgp)), SchemaReflector.EnumName(lb.Mode)));
        }

        CheckAsn("loadBalancer.bgp.localAsn", bgp.LocalAsn, bgp.SpanOf(nameof(bgp.LocalAsn)), diagnostics);
        ReportDuplicateNames("BGP peer", bgp.Peers, p => p.Name, p => p.SpanOf(nameof(p.Name)), diagnostics);
        foreach (var peer in bgp.Peers)
        {
            CheckAsn($"BGP peer '{peer.Name}' asn", peer.Asn, peer.SpanOf(nameof(peer.Asn)), diagnostics);
            if (peer.Asn == bgp.LocalAsn)
            {
                diagnostics.Add(DiagnosticCatalog.AsnSameAsPeer.At(peer.SpanOf(nameof(peer.Asn)), bgp.LocalAsn, peer.Name));
            }

            // An IPv6 session is how IPv6 pools get announced (see docs/platform.md), so a peer may sit on either node network.
            var home = peer.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
                ? config.Network.NodeNetworkIPv6
                : config.Network.NodeNetwork;
            if (home is null || !home.Contains(peer.Address))
            {
                diagnostics.Add(DiagnosticCatalog.BgpPeerOffNetwork.At(peer.SpanOf(nameof(peer.Address)), peer.Name, peer.Address,
                    home?.ToString() ?? "(network.nodeNetworkIPv6 is not set)"));
            }
        }
    }

    /// <summary>Reserved AS numbers per RFC 7300 (0, 65535, 4294967295), RFC 6793 (23456) and RFC 5398 (documentation).</summary>
    private static void CheckAsn(string label, long asn, SourceSpan span, DiagnosticBag diagnostics)
    {
        var reserved = asn switch
        {
            0 or 65535 or 4294967295 => "RFC 7300",
            23456 => "AS_TRANS, RFC 6793",
            >= 64496 and <= 64511 or >= 65536 and <= 65551 => "documentation, RFC 5398",
            >= 65552 and <= 131071 => "IANA reserved",
            _ => null,
        };
        if (reserved is not null)
        {
            diagnostics.Add(DiagnosticCatalog.AsnReserved.At(span, label, asn, reserved));
            return;
        }

        var isPrivate = asn is >= 64512 and <= 65534 or >= 4200000000 and <= 4294967294;
        if (!isPrivate)
        {
            diagnostics.Add(DiagnosticCatalog.AsnNotPrivate.At(span, label, asn));
        }
    }
}
