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

    /// <summary>
    /// The fewest CIDR blocks that cover exactly this range, in address order (172.29.52.100-172.29.52.199 is
    /// .100/30, .104/29, .112/28, .128/26 and .192/29). Routers filter announced prefixes with these.
    /// </summary>
    public IReadOnlyList<IpNetwork> ToNetworks()
    {
        var bits = IpAddressMath.BitLength(Family);
        var networks = new List<IpNetwork>();
        if (First > Last || End.AddressFamily != Family)
        {
            return networks;
        }

        var current = First;
        while (true)
        {
            // Grow the block at `current` while it stays aligned and ends inside the range.
            var hostBits = 0;
            while (hostBits < bits)
            {
                var mask = LowMask(hostBits + 1);
                if ((current & mask) != 0 || Last - current < mask)
                {
                    break;
                }

                hostBits++;
            }

            networks.Add(new IpNetwork(IpAddressMath.FromNumber(current, Family), bits - hostBits));
            var blockLast = current + LowMask(hostBits);
            if (blockLast >= Last)
            {
                return networks;
            }

            current = blockLast + 1;
        }
    }

    private static UInt128 LowMask(int hostBits) => hostBits >= 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - 1;

    public override string ToString() => $"{Start}-{End}";
}
