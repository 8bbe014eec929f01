using System.Net;
using System.Net.Sockets;

namespace HomeOps.Core.Networking;

/// <summary>An inclusive range of addresses of one family: a load-balancer pool written as start-end or as a CIDR.</summary>
public sealed record IpRange(IPAddress Start, IPAddress End)
{
    public AddressFamily Family => Start.AddressFamily;

    public UInt128 First => IpAddressMath.ToNumber(Start);

    public UInt128 Last => IpAddressMath.ToNumber(End);

    public static IpRange FromNetwork(IpNetwork network) =>
        new(network.NetworkAddress, network.BroadcastAddress);

    /// <summary>Parses "a.b.c.d-e.f.g.h". Both ends must parse; order and family are checked by the caller.</summary>
    public static bool TryParse(string text, out IPAddress start, out IPAddress end)
    {
        start = end = IPAddress.None;
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        return dash > 0
            && IpAddressMath.TryParseAddress(text[..dash], out start)
            && IpAddressMath.TryParseAddress(text[(dash + 1)..], out end);
    }

    public bool Contains(IPAddress address)
    {
        if (address.AddressFamily != Family)
        {
            return false;
        }

        var n = IpAddressMath.ToNumber(address);
        return n >= First && n <= Last;
    }

    public bool Overlaps(IpRange other) => other.Family == Family && other.First <= Last && First <= other.Last;

    public override string ToString() => $"{Start}-{End}";
}
