using System.Net;
using System.Net.Sockets;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Networking;

namespace HomeOps.Core.ClusterConfig;

public static partial class ClusterValidator
{
    private static readonly IpNetwork s_linkLocal = new(IPAddress.Parse("fe80::"), 10);

    /// <summary>A host address the cluster uses, with a label for messages and the place it was written.</summary>
    private sealed record UsedAddress(string Label, IPAddress Address, SourceSpan Span);

    private static void CheckAddresses(ClusterDefinition config, DiagnosticBag diagnostics)
    {
        var network = config.Network;
        var used = new List<UsedAddress>
        {
            new("network.gateway", network.Gateway, network.SpanOf(nameof(network.Gateway))),
            new("network.apiVip", network.ApiVip, network.SpanOf(nameof(network.ApiVip))),
        };
        used.AddRange(config.Nodes.Select(n => new UsedAddress($"node '{n.Name}' address", n.Address, n.SpanOf(nameof(n.Address)))));

        var seen = new List<UsedAddress>();
        foreach (var address in used)
        {
            CheckHostAddress(address, network.NodeNetwork, diagnostics);
            if (seen.FirstOrDefault(s => s.Address.Equals(address.Address)) is { } first)
            {
                diagnostics.Add(DiagnosticCatalog.AddressReused.At(address.Span, address.Label, address.Address, first.Label));
            }
            else
            {
                seen.Add(address);
            }

            foreach (var pool in config.LoadBalancer.Pools)
            {
                if (pool.Addresses is { } range && range.Contains(address.Address))
                {
                    diagnostics.Add(DiagnosticCatalog.AddressInPool.At(address.Span, address.Label, address.Address, pool.Name, PoolText(pool)));
                }
            }
        }

        if (network.IPv6Gateway is { } gateway6)
        {
            var span = network.SpanOf(nameof(network.IPv6Gateway));
            if (network.NodeNetworkIPv6 is not { } v6)
            {
                diagnostics.Add(DiagnosticCatalog.Ipv6GatewayWithoutNetwork.At(span));
            }
            else if (!s_linkLocal.Contains(gateway6) && !v6.Contains(gateway6))
            {
                diagnostics.Add(DiagnosticCatalog.Ipv6GatewayOutsideNetwork.At(span, gateway6, v6));
            }
        }
    }

    private static void CheckHostAddress(UsedAddress address, IpNetwork network, DiagnosticBag diagnostics)
    {
        if (!network.Contains(address.Address))
        {
            var hint = address.Address.AddressFamily == AddressFamily.InterNetworkV6 ? " (an IPv6 address where IPv4 is expected)" : string.Empty;
            diagnostics.Add(DiagnosticCatalog.AddressOutsideNetwork.At(address.Span, address.Label, address.Address + hint, network));
            return;
        }

        if (network.IsIPv6 || network.PrefixLength >= 31)
        {
            return;
        }

        var value = IpAddressMath.ToNumber(address.Address);
        var kind = value == network.First ? "network" : value == network.Last ? "broadcast" : null;
        if (kind is not null)
        {
            var firstHost = IpAddressMath.FromNumber(network.First + 1, network.Family);
            var lastHost = IpAddressMath.FromNumber(network.Last - 1, network.Family);
            diagnostics.Add(DiagnosticCatalog.AddressIsNetworkOrBroadcast.At(address.Span, address.Label, address.Address, kind, network, firstHost, lastHost));
        }
    }
}
