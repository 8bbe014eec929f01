using System.Globalization;

namespace HomeOps.Core.Yaml;

public enum ScalarKind
{
    Null,
    Boolean,
    Integer,
    Float,
    String,
}

/// <summary>YAML 1.2 core-schema resolution of plain scalars (what Kubernetes and Talos tooling assume).</summary>
public static class ScalarKinds
{
    public static ScalarKind Classify(YamlScalar scalar)
    {
        if (!scalar.IsPlain || scalar.Tag is "tag:yaml.org,2002:str" or "!!str")
        {
            return ScalarKind.String;
        }

        var v = scalar.Value;
        if (scalar.IsNull)
        {
            return ScalarKind.Null;
        }

        if (v is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return ScalarKind.Boolean;
        }

        if (TryParseInteger(v, out _))
        {
            return ScalarKind.Integer;
        }

        if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && v.Length > 0
            && (char.IsDigit(v[^1]) || v[^1] == '.') && !v.Contains(',', StringComparison.Ordinal))
        {
            return ScalarKind.Float;
        }

        return ScalarKind.String;
    }

    public static bool TryParseInteger(string text, out long value)
    {
        value = 0;
        if (text.StartsWith("0x", StringComparison.Ordinal))
        {
            return long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }

        if (text.StartsWith("0o", StringComparison.Ordinal))
        {
            try
            {
                value = Convert.ToInt64(text[2..], 8);
                return text.Length > 2;
            }
            catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
            {
                return false;
            }
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryParseBoolean(string text, out bool value)
    {
        switch (text)
        {
            case "true" or "True" or "TRUE":
                value = true;
                return true;
            case "false" or "False" or "FALSE":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }
}
