using System.Globalization;
using System.Text;

namespace HomeOps.Core.GitOps.Kustomize;

/// <summary>The scalar half of the writer: libyaml's analysis and its plain, quoted and literal writers (emitterc.go).</summary>
internal sealed partial class KustomizeYamlWriter
{
    /// <summary>What yaml_emitter_analyze_scalar finds out about a string.</summary>
    private readonly record struct ScalarAnalysis(bool Empty, bool Multiline, bool BlockPlainAllowed, bool SingleQuotedAllowed, bool BlockAllowed)
    {
        public static ScalarAnalysis Of(string value)
        {
            if (value.Length == 0)
            {
                return new ScalarAnalysis(true, false, true, true, false);
            }

            var runes = value.EnumerateRunes().ToArray();
            if (runes[0].Value == 0xFEFF)
            {
                throw new KustomizeUnsupportedException("a string that starts with a byte order mark");
            }

            bool blockIndicators = false, lineBreaks = false, special = false;
            bool leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false, breakSpace = false, spaceBreak = false;
            bool previousSpace = false, previousBreak = false, precededByWhitespace = true;
            if (value.StartsWith("---", StringComparison.Ordinal) || value.StartsWith("...", StringComparison.Ordinal))
            {
                blockIndicators = true;
            }

            for (var i = 0; i < runes.Length; i++)
            {
                var c = runes[i].Value;
                var followedByWhitespace = i + 1 >= runes.Length || runes[i + 1].Value is ' ' or '\t';
                if (i == 0)
                {
                    blockIndicators |= c switch
                    {
                        '#' or ',' or '[' or ']' or '{' or '}' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`' => true,
                        '?' or ':' or '-' => followedByWhitespace,
                        _ => false,
                    };
                }
                else
                {
                    blockIndicators |= (c == ':' && followedByWhitespace) || (c == '#' && precededByWhitespace);
                }

                if (c is '\r' or 0x85 or 0x2028 or 0x2029)
                {
                    throw new KustomizeUnsupportedException("a string with a carriage return or Unicode line separator");
                }

                if (!IsPrintable(c))
                {
                    special = true;
                }

                if (c == ' ')
                {
                    leadingSpace |= i == 0;
                    trailingSpace |= i == runes.Length - 1;
                    breakSpace |= previousBreak;
                    (previousSpace, previousBreak) = (true, false);
                }
                else if (c == '\n')
                {
                    lineBreaks = true;
                    leadingBreak |= i == 0;
                    trailingBreak |= i == runes.Length - 1;
                    spaceBreak |= previousSpace;
                    (previousSpace, previousBreak) = (false, true);
                }
                else
                {
                    (previousSpace, previousBreak) = (false, false);
                }

                precededByWhitespace = c is ' ' or '\t' or '\n' or 0;
            }

            var blockPlain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak || breakSpace || spaceBreak || special || lineBreaks || blockIndicators);
            var single = !(breakSpace || spaceBreak || special);
            var block = !(trailingSpace || spaceBreak || special);
            return new ScalarAnalysis(false, lineBreaks, blockPlain, single, block);
        }
    }

    /// <summary>libyaml's is_printable, on code points instead of UTF-8 bytes (characters past U+FFFF are not printable).</summary>
    private static bool IsPrintable(int c) =>
        c == 0x0A || c is >= 0x20 and <= 0x7E || c is >= 0xA0 and <= 0xD7FF || (c is >= 0xE000 and <= 0xFFFD && c != 0xFEFF);

    /// <summary>Plain and single-quoted strings (neither holds a line break here): a space past column 80 becomes a line break.</summary>
    private void WriteFolded(string value, int indent, bool allowBreaks, char? quote)
    {
        if (quote is { } q)
        {
            Put(q.ToString());
        }

        var runes = value.EnumerateRunes().ToArray();
        var spaces = false;
        for (var i = 0; i < runes.Length; i++)
        {
            var c = runes[i];
            if (c.Value == ' ')
            {
                var inside = quote is null || (i > 0 && i < runes.Length - 1);
                if (allowBreaks && !spaces && _column > BestWidth && inside && !(i + 1 < runes.Length && runes[i + 1].Value == ' '))
                {
                    NewLine();
                    Pad(indent);
                }
                else
                {
                    PutRune(c);
                }

                spaces = true;
            }
            else
            {
                if (c.Value == '\'' && quote == '\'')
                {
                    PutRune(c);
                }

                PutRune(c);
                spaces = false;
            }
        }

        if (quote is { } end)
        {
            Put(end.ToString());
        }
    }

    private void WriteDoubleQuoted(string value, int indent, bool allowBreaks)
    {
        Put("\"");
        var runes = value.EnumerateRunes().ToArray();
        var spaces = false;
        for (var i = 0; i < runes.Length; i++)
        {
            var c = runes[i].Value;
            if (!IsPrintable(c) || c is '\n' or '"' or '\\')
            {
                Put("\\" + Escape(c));
                spaces = false;
            }
            else if (c == ' ')
            {
                if (allowBreaks && !spaces && _column > BestWidth && i > 0 && i < runes.Length - 1)
                {
                    NewLine();
                    Pad(indent);
                    if (runes[i + 1].Value == ' ')
                    {
                        Put("\\");
                    }
                }
                else
                {
                    PutRune(runes[i]);
                }

                spaces = true;
            }
            else
            {
                PutRune(runes[i]);
                spaces = false;
            }
        }

        Put("\"");
    }

    private static string Escape(int c) => c switch
    {
        0x00 => "0",
        0x07 => "a",
        0x08 => "b",
        0x09 => "t",
        0x0A => "n",
        0x0B => "v",
        0x0C => "f",
        0x0D => "r",
        0x1B => "e",
        0x22 => "\"",
        0x5C => "\\",
        0x85 => "N",
        0xA0 => "_",
        0x2028 => "L",
        0x2029 => "P",
        <= 0xFF => "x" + c.ToString("X2", CultureInfo.InvariantCulture),
        <= 0xFFFF => "u" + c.ToString("X4", CultureInfo.InvariantCulture),
        _ => "U" + c.ToString("X8", CultureInfo.InvariantCulture),
    };

    /// <summary>A literal block: "|", an indentation hint when the text starts with a space, a chomping hint, then the lines.</summary>
    private void WriteLiteral(string value, int indent)
    {
        var hints = value[0] is ' ' or '\n' ? BestIndent.ToString(CultureInfo.InvariantCulture) : string.Empty;
        if (!value.EndsWith('\n'))
        {
            hints += "-";
        }
        else if (value.Length == 1 || value[^2] == '\n')
        {
            hints += "+";
        }

        Put("|" + hints);
        NewLine();
        var lineStart = true;
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.Value == '\n')
            {
                NewLine();
                lineStart = true;
                continue;
            }

            if (lineStart)
            {
                Pad(indent);
                lineStart = false;
            }

            PutRune(rune);
        }
    }
}
