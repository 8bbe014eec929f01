using System.Text;
using System.Text.RegularExpressions;

namespace HomeOps.Core.Yaml;

/// <summary>
/// How a string is written so that YAML readers get the same string back, following the choices of Go's yaml.v3
/// encoder (what talosctl and the Image Factory use): plain when safe, double quotes when the plain text would read
/// as another type, single quotes for text with indicators, double quotes with escapes for control characters.
/// </summary>
public static partial class YamlScalarStyle
{
    private static readonly HashSet<string> s_yaml11Booleans = new(StringComparer.Ordinal)
    {
        "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "n", "N", "no", "No", "NO", "off", "Off", "OFF",
    };

    /// <summary>The YAML text of a string scalar on one line (multi-line strings are handled by the writer as literal blocks).</summary>
    public static string Quote(string value)
    {
        if (ReadsAsNonString(value) || ReadsAsYaml11NonString(value))
        {
            return DoubleQuoted(value);
        }

        if (HasSpecialCharacters(value))
        {
            return DoubleQuoted(value);
        }

        return PlainAllowed(value) ? value : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    /// <summary>
    /// The booleans YAML 1.1 has beyond true and false (y, yes, on, n, no, off in their spellings): YAML 1.2 reads them
    /// as strings, YAML 1.1 readers (Go's yaml.v2, kustomize's kyaml) as booleans. The one list of them.
    /// </summary>
    public static bool IsYaml11Boolean(string value) => s_yaml11Booleans.Contains(value);

    /// <summary>
    /// A string that YAML 1.2 reads as a string but YAML 1.1 readers do not: one of <see cref="IsYaml11Boolean"/>, or a
    /// base-60 number such as 12:30. Go's yaml.v3 encoder quotes these, and so do the writers here, so every reader agrees.
    /// </summary>
    public static bool ReadsAsYaml11NonString(string value) => IsYaml11Boolean(value) || Base60Regex().IsMatch(value);

    /// <summary>True when a multi-line string can be a literal block (|): printable, and not starting with a space.</summary>
    public static bool LiteralAllowed(string value) =>
        value.Contains('\n', StringComparison.Ordinal) && !HasSpecialCharacters(value.Replace("\n", string.Empty, StringComparison.Ordinal))
        && !value.StartsWith(' ') && !value.StartsWith('\t') && !value.Contains('\r', StringComparison.Ordinal);

    public static string DoubleQuoted(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\t': text.Append("\\t"); break;
                case '\r': text.Append("\\r"); break;
                case '\0': text.Append("\\0"); break;
                default:
                    if (char.IsControl(c) || c == '\uFEFF')
                    {
                        text.Append(c <= 0xFF ? $"\\x{(int)c:X2}" : $"\\u{(int)c:X4}");
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }

    /// <summary>True when the plain scalar would be read as null, a boolean or a number (yaml.v3 resolution).</summary>
    public static bool ReadsAsNonString(string value)
    {
        if (value is "" or "~" or "null" or "Null" or "NULL" or "true" or "True" or "TRUE" or "false" or "False" or "FALSE"
            or ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" or "-.inf" or "-.Inf" or "-.INF" or ".nan" or ".NaN" or ".NAN")
        {
            return true;
        }

        return IntRegex().IsMatch(value) || FloatRegex().IsMatch(value);
    }

    private static bool HasSpecialCharacters(string value)
    {
        foreach (var c in value)
        {
            if ((char.IsControl(c) && c != '\n') || c == '\uFEFF' || char.IsSurrogate(c) && !char.IsHighSurrogate(c) && !char.IsLowSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool PlainAllowed(string value)
    {
        if (value.Length == 0 || value[0] == ' ' || value[^1] == ' ' || value.Contains('\n', StringComparison.Ordinal) || value.Contains('\t', StringComparison.Ordinal))
        {
            return false;
        }

        if (value.StartsWith("---", StringComparison.Ordinal) || value.StartsWith("...", StringComparison.Ordinal))
        {
            return false;
        }

        var first = value[0];
        var followedBySpace = value.Length == 1 || value[1] == ' ';
        if ("#,[]{}&*!|>'\"%@`".Contains(first, StringComparison.Ordinal) || ("-?:".Contains(first, StringComparison.Ordinal) && followedBySpace))
        {
            return false;
        }

        return !value.Contains(": ", StringComparison.Ordinal) && !value.Contains(" #", StringComparison.Ordinal) && value[^1] != ':';
    }

    [GeneratedRegex(@"^[-+]?(0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*)$")]
    private static partial Regex IntRegex();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatRegex();

    [GeneratedRegex(@"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$")]
    private static partial Regex Base60Regex();
}
