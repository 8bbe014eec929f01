using System.Globalization;
using System.Text;

namespace HomeOps.Core.Platform;

/// <summary>Small helpers for writing YAML text by hand, so generated files read like the hand-written ones.</summary>
public static class YamlText
{
    /// <summary>A double-quoted YAML scalar: always a string, whatever the value looks like.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                '\n' => builder.Append("\\n"),
                '\t' => builder.Append("\\t"),
                < ' ' => builder.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}"),
                _ => builder.Append(c),
            };
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Text for a one-line comment: line breaks become spaces.</summary>
    public static string CommentText(string value) =>
        string.Join(' ', value.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
