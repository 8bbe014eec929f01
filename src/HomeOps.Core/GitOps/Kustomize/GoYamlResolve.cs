using System.Globalization;
using System.Text.RegularExpressions;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.Kustomize;

/// <summary>
/// How Go's YAML libraries read a plain scalar: kustomize reads manifests with yaml.v3 (YAML 1.2 booleans) and prints
/// them with yaml.v2 (YAML 1.1 booleans), both with the same number and timestamp rules (goyaml.v2/resolve.go and
/// goyaml.v3/resolve.go in sigs.k8s.io/yaml v1.4.0, function resolve). Values the rules treat in ways this port does
/// not reproduce exactly throw <see cref="KustomizeUnsupportedException"/>, so the real kustomize builds them.
/// </summary>
internal static partial class GoYamlResolve
{
    private static readonly HashSet<string> s_nulls = new(StringComparer.Ordinal) { "", "~", "null", "Null", "NULL" };
    private static readonly HashSet<string> s_v3Bools = new(StringComparer.Ordinal) { "true", "True", "TRUE", "false", "False", "FALSE" };
    private static readonly HashSet<string> s_special = new(StringComparer.Ordinal)
    {
        ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", "<<",
    };

    /// <summary>The value yaml.v3 gives a plain scalar when decoding into interface{} (then encoded to JSON by kyaml).</summary>
    public static object? DecodePlainV3(string text)
    {
        if (s_nulls.Contains(text))
        {
            return null;
        }

        if (s_v3Bools.Contains(text))
        {
            return text[0] is 't' or 'T';
        }

        if (s_special.Contains(text))
        {
            throw new KustomizeUnsupportedException($"the plain scalar '{text}'");
        }

        if (text.Length == 0 || !IsNumberHint(text[0]))
        {
            return text;
        }

        // yaml.v3 keeps timestamp-like values decoded into interface{} as strings.
        if (TimestampPrefix().IsMatch(text))
        {
            return text;
        }

        var plain = text.Replace("_", string.Empty, StringComparison.Ordinal);
        if (text[0] == '.')
        {
            return GoFloat().IsMatch(text) ? Float(text) : text;
        }

        if (ParseGoInteger(plain) is { } integer)
        {
            return integer;
        }

        if (YamlStyleFloat().IsMatch(plain))
        {
            return Float(plain);
        }

        foreach (var (prefix, radix) in new[] { ("0b", 2), ("-0b", 2), ("0o", 8), ("-0o", 8) })
        {
            if (plain.StartsWith(prefix, StringComparison.Ordinal) && IsDigits(plain[prefix.Length..], radix))
            {
                return Checked(plain[0] == '-', plain[prefix.Length..], radix, text);
            }
        }

        return IsGoInteger(plain) ? throw new KustomizeUnsupportedException($"the number '{text}'") : text;
    }

    /// <summary>strconv.ParseInt(s, 0, 64): a sign, then 0x/0o/0b or a leading-zero octal prefix, or decimal digits.</summary>
    private static long? ParseGoInteger(string text)
    {
        if (!IsGoInteger(text))
        {
            return null;
        }

        var negative = text[0] == '-';
        var s = text[0] is '+' or '-' ? text[1..] : text;
        if (s.Length > 1 && s[0] == '0')
        {
            return s[1] switch
            {
                'x' or 'X' => Checked(negative, s[2..], 16, text),
                'o' or 'O' => Checked(negative, s[2..], 8, text),
                'b' or 'B' => Checked(negative, s[2..], 2, text),
                _ => Checked(negative, s[1..], 8, text),
            };
        }

        return Checked(negative, s, 10, text);
    }

    private static long Checked(bool negative, string digits, int radix, string text)
    {
        try
        {
            var value = digits.Aggregate(System.Numerics.BigInteger.Zero, (acc, c) => (acc * radix) + Convert.ToInt32(c.ToString(), 16));
            value = negative ? -value : value;
            // Beyond 2^53 a number would not survive kustomize's JSON round trips (JSON 6902 patches) unchanged.
            return System.Numerics.BigInteger.Abs(value) <= (1L << 53) ? (long)value : throw new KustomizeUnsupportedException($"the large number '{text}'");
        }
        catch (FormatException)
        {
            throw new KustomizeUnsupportedException($"the number '{text}'");
        }
    }

    private static double Float(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new KustomizeUnsupportedException($"the number '{text}'");

    /// <summary>True when yaml.v2 would read <paramref name="text"/> written plain as something other than a string.</summary>
    public static bool NeedsQuotesV2(string text) => IsNonString(text, yaml11: true) || IsBase60Float(text);

    private static bool IsNumberHint(char c) => c is '+' or '-' or '.' || char.IsAsciiDigit(c);

    private static bool IsNonString(string text, bool yaml11)
    {
        if (s_nulls.Contains(text) || s_v3Bools.Contains(text) || s_special.Contains(text) || (yaml11 && YamlScalarStyle.IsYaml11Boolean(text)))
        {
            return true;
        }

        if (text.Length == 0 || !IsNumberHint(text[0]))
        {
            return false;
        }

        if (text[0] == '.')
        {
            return GoFloat().IsMatch(text) && IsFiniteFloat(text);
        }

        if (IsTimestampV2(text))
        {
            return true;
        }

        var plain = text.Replace("_", string.Empty, StringComparison.Ordinal);
        if (IsGoInteger(plain) || (YamlStyleFloat().IsMatch(plain) && IsFiniteFloat(plain)))
        {
            return true;
        }

        if (plain.StartsWith("0b", StringComparison.Ordinal) || plain.StartsWith("-0b", StringComparison.Ordinal))
        {
            return IsDigits(plain[(plain.IndexOf('b', StringComparison.Ordinal) + 1)..], 2);
        }

        return !yaml11 && (plain.StartsWith("0o", StringComparison.Ordinal) || plain.StartsWith("-0o", StringComparison.Ordinal))
            && IsDigits(plain[(plain.IndexOf('o', StringComparison.Ordinal) + 1)..], 8);
    }

    /// <summary>Go's strconv.ParseInt/ParseUint with base 0 (sign, 0x/0o/0b prefixes, leading-zero octal), ignoring overflow.</summary>
    private static bool IsGoInteger(string text)
    {
        var s = text.StartsWith('+') || text.StartsWith('-') ? text[1..] : text;
        if (s.Length == 0)
        {
            return false;
        }

        if (s.Length > 1 && s[0] == '0')
        {
            return s[1] switch
            {
                'x' or 'X' => IsDigits(s[2..], 16),
                'o' or 'O' => IsDigits(s[2..], 8),
                'b' or 'B' => IsDigits(s[2..], 2),
                _ => IsDigits(s[1..], 8),
            };
        }

        return IsDigits(s, 10);
    }

    private static bool IsDigits(string s, int radix) =>
        s.Length > 0 && s.All(c => radix switch
        {
            2 => c is '0' or '1',
            8 => c is >= '0' and <= '7',
            10 => char.IsAsciiDigit(c),
            _ => char.IsAsciiHexDigit(c),
        });

    private static bool IsFiniteFloat(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value);

    /// <summary>yaml.v2's parseTimestamp: "2006-1-2" parses when it is a real date; a date with a time is not reproduced here.</summary>
    private static bool IsTimestampV2(string text)
    {
        if (!TimestampPrefix().IsMatch(text))
        {
            return false;
        }

        var date = DateOnly().Match(text);
        if (!date.Success)
        {
            throw new KustomizeUnsupportedException($"the timestamp-like value '{text}'");
        }

        var (year, month, day) = (int.Parse(date.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(date.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(date.Groups[3].Value, CultureInfo.InvariantCulture));
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(Math.Max(1, year), month);
    }

    private static bool IsBase60Float(string text) =>
        text.Length > 0 && IsNumberHint(text[0]) && text[0] != '.' && text.Contains(':', StringComparison.Ordinal) && Base60Float().IsMatch(text);

    [GeneratedRegex(@"^[0-9]{4}-")]
    private static partial Regex TimestampPrefix();

    [GeneratedRegex(@"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$")]
    private static partial Regex DateOnly();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex YamlStyleFloat();

    // strconv.ParseFloat on a string that starts with '.': digits, then an optional exponent.
    [GeneratedRegex(@"^\.[0-9]+([eE][-+]?[0-9]+)?$")]
    private static partial Regex GoFloat();

    [GeneratedRegex(@"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$")]
    private static partial Regex Base60Float();
}
