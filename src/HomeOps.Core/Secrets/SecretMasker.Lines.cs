using System.Text;
using System.Text.RegularExpressions;

namespace HomeOps.Core.Secrets;

public static partial class SecretMasker
{
    /// <summary>
    /// Line by line, for YAML and YAML-like text (diffs, logs, diagnostics): "key: value" and "key=value" with a
    /// credential key, block scalars under such a key, and everything under data: and stringData: in a document that
    /// is a Secret. Documents end at "---" and "===" lines (YAML streams, diff headers).
    /// </summary>
    private static string MaskLines(string text)
    {
        var lines = text.Split('\n');
        var secretDocument = SecretDocuments(lines);
        var blockIndent = -1;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var indent = Indent(line);
            if (blockIndent >= 0)
            {
                if (line.Trim().Length == 0 || indent > blockIndent)
                {
                    lines[i] = MaskContent(line, indent, secretDocument[i]);
                    continue;
                }

                blockIndent = -1;
            }

            if (secretDocument[i] && SecretData().Match(line) is { Success: true } data)
            {
                var rest = data.Groups["rest"].Value;
                if (rest.Trim().Length == 0 || rest.Trim() is "|" or "|-" or ">" or ">-")
                {
                    blockIndent = indent;
                }
                else
                {
                    lines[i] = line[..data.Groups["rest"].Index] + " " + Mask;
                }

                continue;
            }

            lines[i] = KeyValue().Replace(line, m =>
            {
                var value = m.Groups["value"].Value;
                if (!IsCredentialKey(m.Groups["key"].Value, value.Trim('"', '\'')))
                {
                    return m.Value;
                }

                if (value.Trim() is "|" or "|-" or "|+" or ">" or ">-" or ">+")
                {
                    blockIndent = indent;
                    return m.Value;
                }

                return IsHarmless(value) ? m.Value : m.Groups["lead"].Value + Mask;
            });
        }

        return string.Join('\n', lines);
    }

    /// <summary>Masks a line inside a masked block: a child "key: value" keeps its key, anything else becomes ***.</summary>
    private static string MaskContent(string line, int indent, bool secretDocument)
    {
        if (line.Trim().Length == 0)
        {
            return line;
        }

        var prefix = line[..indent];
        var body = line[indent..];
        var colon = body.IndexOf(": ", StringComparison.Ordinal);
        return secretDocument && colon > 0 && !body.StartsWith('"') ? prefix + body[..(colon + 2)] + Mask : prefix + Mask;
    }

    /// <summary>Whether each line belongs to a document (between "---" or "===" lines) that declares kind: Secret.</summary>
    private static bool[] SecretDocuments(string[] lines)
    {
        var result = new bool[lines.Length];
        var start = 0;
        for (var i = 0; i <= lines.Length; i++)
        {
            if (i < lines.Length && !DocumentBoundary().IsMatch(lines[i]))
            {
                continue;
            }

            var secret = false;
            for (var j = start; j < i && !secret; j++)
            {
                secret = SecretKind().IsMatch(lines[j]);
            }

            for (var j = start; j < i; j++)
            {
                result[j] = secret;
            }

            start = i + 1;
        }

        return result;
    }

    /// <summary>Indentation, counting a leading diff marker (+ or -) as a space.</summary>
    private static int Indent(string line)
    {
        var i = 0;
        while (i < line.Length && (line[i] == ' ' || (i == 0 && line[i] is '+' or '-' && line.Length > 1 && line[1] == ' ')))
        {
            i++;
        }

        return i;
    }

    [GeneratedRegex(@"^(---|===)")]
    private static partial Regex DocumentBoundary();

    [GeneratedRegex(@"^[+\- ]?\s*(- )?""?kind""?\s*:\s*[""']?Secret[""']?\s*,?\s*$")]
    private static partial Regex SecretKind();

    [GeneratedRegex(@"^[+\- ]?\s*(- )?(data|stringData):(?<rest>.*)$")]
    private static partial Regex SecretData();

    /// <summary>key: value, "key": "value", key=value; the value up to the end of the line, a comma or a closing brace.</summary>
    [GeneratedRegex(@"(?<lead>(?<![A-Za-z0-9_.-])[""']?(?<key>[A-Za-z][A-Za-z0-9_.-]*)[""']?\s*(:\s+|:$|=)\s*)(?<value>""(?:[^""\\]|\\.)*""|'[^']*'|\$\{[^}]*\}|[^\s,}\]#&]+|$)")]
    private static partial Regex KeyValue();
}
