using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HomeOps.Core.GitOps.Flux;

// The string operators of the envsubst fork; patterns are shell globs (* ? and [..]) as in drone/envsubst.
public static partial class Substitution
{
    private static string CaseChange(string value, bool upper, bool all)
    {
        if (value.Length == 0)
        {
            return value;
        }

        if (all)
        {
            return upper ? value.ToUpperInvariant() : value.ToLowerInvariant();
        }

        var first = upper ? char.ToUpperInvariant(value[0]) : char.ToLowerInvariant(value[0]);
        return first + value[1..];
    }

    private static string TrimPrefix(string value, string pattern, bool longest)
    {
        var regex = Glob(pattern);
        var lengths = longest ? Enumerable.Range(0, value.Length + 1).Reverse() : Enumerable.Range(0, value.Length + 1);
        foreach (var n in lengths)
        {
            if (regex.IsMatch(value[..n]))
            {
                return value[n..];
            }
        }

        return value;
    }

    private static string TrimSuffix(string value, string pattern, bool longest)
    {
        var regex = Glob(pattern);
        var starts = longest ? Enumerable.Range(0, value.Length + 1) : Enumerable.Range(0, value.Length + 1).Reverse();
        foreach (var n in starts)
        {
            if (regex.IsMatch(value[n..]))
            {
                return value[..n];
            }
        }

        return value;
    }

    private static string Replace(string value, string find, string replacement, char mode)
    {
        if (find.Length == 0)
        {
            return value;
        }

        return mode switch
        {
            '/' => value.Replace(find, replacement, StringComparison.Ordinal),
            '#' => value.StartsWith(find, StringComparison.Ordinal) ? replacement + value[find.Length..] : value,
            '%' => value.EndsWith(find, StringComparison.Ordinal) ? value[..^find.Length] + replacement : value,
            _ => value.IndexOf(find, StringComparison.Ordinal) is var i and >= 0 ? value[..i] + replacement + value[(i + find.Length)..] : value,
        };
    }

    private static Regex Glob(string pattern)
    {
        var sb = new StringBuilder("^");
        foreach (var c in pattern)
        {
            sb.Append(c switch
            {
                '*' => ".*",
                '?' => ".",
                _ => Regex.Escape(c.ToString(CultureInfo.InvariantCulture)),
            });
        }

        return new Regex(sb.Append('$').ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
