using System.Net;
using System.Net.Sockets;

namespace HomeOps.Core.Networking;

/// <summary>Addresses as unsigned 128-bit numbers, so IPv4 and IPv6 share one arithmetic.</summary>
public static class IpAddressMath
{
    public static int BitLength(AddressFamily family) => family == AddressFamily.InterNetworkV6 ? 128 : 32;

    public static UInt128 ToNumber(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        UInt128 value = 0;
        foreach (var b in bytes)
        {
            value = (value << 8) | b;
        }

        return value;
    }

    public static IPAddress FromNumber(UInt128 value, AddressFamily family)
    {
        var length = family == AddressFamily.InterNetworkV6 ? 16 : 4;
        var bytes = new byte[length];
        for (var i = length - 1; i >= 0; i--)
        {
            bytes[i] = (byte)(value & 0xFF);
            value >>= 8;
        }

        return new IPAddress(bytes);
    }

    /// <summary>Parses a plain address (no prefix, no zone, no surrounding spaces). IPv4 must be dotted quad.</summary>
    public static bool TryParseAddress(string text, out IPAddress address)
    {
        address = IPAddress.None;
        if (string.IsNullOrEmpty(text) || text.Length > 45 || text.Contains('%', StringComparison.Ordinal)
            || text.Contains('/', StringComparison.Ordinal) || text.Trim().Length != text.Length)
        {
            return false;
        }

        if (!text.Contains(':', StringComparison.Ordinal))
        {
            // IPAddress.TryParse accepts "10.1" and "0x0a.0.0.1"; require four decimal octets.
            var parts = text.Split('.');
            if (parts.Length != 4 || parts.Any(p => p.Length is 0 or > 3 || !p.All(char.IsAsciiDigit) || int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) > 255))
            {
                return false;
            }
        }

        if (!IPAddress.TryParse(text, out var parsed))
        {
            return false;
        }

        address = parsed;
        return true;
    }

    public static UInt128 Mask(int prefixLength, int bits) =>
        prefixLength == 0 ? 0 : (UInt128.MaxValue << (128 - prefixLength)) >> (128 - bits);
}
