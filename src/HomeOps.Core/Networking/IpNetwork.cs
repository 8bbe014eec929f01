using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace HomeOps.Core.Networking;

/// <summary>A CIDR block such as 10.244.0.0/16 or fd47:25e1:2f96:51::/64.</summary>
public sealed record IpNetwork(IPAddress Address, int PrefixLength)
{
    public AddressFamily Family => Address.AddressFamily;

    public bool IsIPv6 => Family == AddressFamily.InterNetworkV6;

    private int Bits => IpAddressMath.BitLength(Family);

    /// <summary>True when no host bit of <see cref="Address"/> is set (10.244.0.0/16, not 10.244.0.1/16).</summary>
    public bool IsCanonical => First == IpAddressMath.ToNumber(Address);

    public UInt128 First => IpAddressMath.ToNumber(Address) & IpAddressMath.Mask(PrefixLength, Bits);

    public UInt128 Last => First | (~IpAddressMath.Mask(PrefixLength, Bits) & IpAddressMath.Mask(Bits, Bits));

    public IpNetwork Canonical => new(IpAddressMath.FromNumber(First, Family), PrefixLength);

    public IPAddress NetworkAddress => IpAddressMath.FromNumber(First, Family);

    public IPAddress BroadcastAddress => IpAddressMath.FromNumber(Last, Family);

    public int HostBits => Bits - PrefixLength;

    public static bool TryParse(string text, out IpNetwork network)
    {
        network = null!;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == text.Length - 1)
        {
            return false;
        }

        var prefixText = text[(slash + 1)..];
        if (!IpAddressMath.TryParseAddress(text[..slash], out var address)
            || prefixText.Length > 3 || !prefixText.All(char.IsAsciiDigit)
            || !int.TryParse(prefixText, NumberStyles.None, CultureInfo.InvariantCulture, out var prefix)
            || prefix > IpAddressMath.BitLength(address.AddressFamily))
        {
            return false;
        }

        network = new IpNetwork(address, prefix);
        return true;
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

    public bool Contains(IpNetwork other) => other.Family == Family && other.First >= First && other.Last <= Last;

    public bool Overlaps(IpNetwork other) => other.Family == Family && other.First <= Last && First <= other.Last;

    public bool Overlaps(IpRange range) => range.Family == Family && range.First <= Last && First <= range.Last;

    public override string ToString() => $"{Address}/{PrefixLength}";
}
