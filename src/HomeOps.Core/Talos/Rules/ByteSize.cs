using System.Globalization;

namespace HomeOps.Core.Talos.Rules;

/// <summary>
/// Reads a volume size as Talos does: go-humanize's ParseBytes (dustin/go-humanize v1.0.1 bytes.go:110-143, used by
/// siderolabs/talos v1.10.5 pkg/machinery/config/types/block/byte_size.go:64-78). Leading digits, '.' and ',' form a
/// decimal number; the rest, trimmed and lower-cased, must be a unit of the table (bytes.go:34-62). kB, MB, ... are
/// powers of 1000, KiB, MiB, ... powers of 1024, and no unit means bytes.
/// </summary>
public static class ByteSize
{
    private static readonly Dictionary<string, ulong> s_units = new(StringComparer.Ordinal)
    {
        ["b"] = 1, [string.Empty] = 1,
        ["kib"] = 1UL << 10, ["ki"] = 1UL << 10, ["kb"] = 1_000, ["k"] = 1_000,
        ["mib"] = 1UL << 20, ["mi"] = 1UL << 20, ["mb"] = 1_000_000, ["m"] = 1_000_000,
        ["gib"] = 1UL << 30, ["gi"] = 1UL << 30, ["gb"] = 1_000_000_000, ["g"] = 1_000_000_000,
        ["tib"] = 1UL << 40, ["ti"] = 1UL << 40, ["tb"] = 1_000_000_000_000, ["t"] = 1_000_000_000_000,
        ["pib"] = 1UL << 50, ["pi"] = 1UL << 50, ["pb"] = 1_000_000_000_000_000, ["p"] = 1_000_000_000_000_000,
        ["eib"] = 1UL << 60, ["ei"] = 1UL << 60, ["eb"] = 1_000_000_000_000_000_000, ["e"] = 1_000_000_000_000_000_000,
    };

    /// <summary>The size in bytes, or null with <paramref name="reason"/> saying why Talos would refuse the text.</summary>
    public static ulong? Parse(string text, out string? reason)
    {
        var digits = 0;
        while (digits < text.Length && (char.IsDigit(text[digits]) || text[digits] is '.' or ','))
        {
            digits++;
        }

        var number = text[..digits].Replace(",", string.Empty, StringComparison.Ordinal);
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            reason = "it does not start with a number";
            return null;
        }

        var unit = text[digits..].Trim().ToLowerInvariant();
        if (!s_units.TryGetValue(unit, out var multiplier))
        {
            reason = $"'{text[digits..].Trim()}' is not a unit (B, kB, MB, GB, TB, KiB, MiB, GiB, TiB, ...)";
            return null;
        }

        value *= multiplier;
        if (value >= ulong.MaxValue)
        {
            reason = "it is too large";
            return null;
        }

        reason = null;
        return (ulong)value;
    }
}
