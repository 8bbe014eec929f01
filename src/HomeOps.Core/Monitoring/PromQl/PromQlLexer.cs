using System.Globalization;
using System.Text;

namespace HomeOps.Core.Monitoring.PromQl;

/// <summary>
/// Splits a PromQL expression into tokens, following Prometheus' lexer: identifiers may contain colons (metric and
/// recording-rule names), numbers include hexadecimal and exponents, a number directly followed by a unit is a
/// duration (1h30m), strings take double, single or back quotes, and # starts a comment.
/// </summary>
internal sealed class PromQlLexer(string text)
{
    private const string DurationUnits = "smhdwy";
    private int _position;

    /// <summary>Inside [ ], a colon separates a subquery's range and step instead of starting an identifier.</summary>
    private int _bracketDepth;

    public List<PromQlToken> Tokenize()
    {
        var tokens = new List<PromQlToken>();
        while (true)
        {
            SkipSpaceAndComments();
            if (_position >= text.Length)
            {
                tokens.Add(new PromQlToken(PromQlTokenKind.End, string.Empty, _position));
                return tokens;
            }

            tokens.Add(Next());
        }
    }

    private void SkipSpaceAndComments()
    {
        while (_position < text.Length)
        {
            var c = text[_position];
            if (char.IsWhiteSpace(c))
            {
                _position++;
            }
            else if (c == '#')
            {
                while (_position < text.Length && text[_position] != '\n')
                {
                    _position++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private PromQlToken Next()
    {
        var start = _position;
        var c = text[_position];
        if (c == ':' && _bracketDepth > 0)
        {
            _position++;
            return new PromQlToken(PromQlTokenKind.Colon, ":", start);
        }

        if (c == '[')
        {
            _bracketDepth++;
        }
        else if (c == ']' && _bracketDepth > 0)
        {
            _bracketDepth--;
        }

        if (IsIdentifierStart(c))
        {
            while (_position < text.Length && IsIdentifierPart(text[_position]))
            {
                _position++;
            }

            return new PromQlToken(PromQlTokenKind.Identifier, text[start.._position], start);
        }

        if (char.IsAsciiDigit(c) || (c == '.' && _position + 1 < text.Length && char.IsAsciiDigit(text[_position + 1])))
        {
            return NumberOrDuration(start);
        }

        if (c is '"' or '\'' or '`')
        {
            return new PromQlToken(PromQlTokenKind.String, QuotedString(c), start);
        }

        var two = _position + 1 < text.Length ? text.Substring(_position, 2) : string.Empty;
        PromQlTokenKind? twoKind = two switch
        {
            "==" => PromQlTokenKind.EqualEqual,
            "!=" => PromQlTokenKind.NotEqual,
            "=~" => PromQlTokenKind.RegexMatch,
            "!~" => PromQlTokenKind.RegexNoMatch,
            "<=" => PromQlTokenKind.LessEqual,
            ">=" => PromQlTokenKind.GreaterEqual,
            _ => null,
        };
        if (twoKind is { } kind)
        {
            _position += 2;
            return new PromQlToken(kind, two, start);
        }

        PromQlTokenKind? oneKind = c switch
        {
            '(' => PromQlTokenKind.LeftParen,
            ')' => PromQlTokenKind.RightParen,
            '{' => PromQlTokenKind.LeftBrace,
            '}' => PromQlTokenKind.RightBrace,
            '[' => PromQlTokenKind.LeftBracket,
            ']' => PromQlTokenKind.RightBracket,
            ',' => PromQlTokenKind.Comma,
            ':' => PromQlTokenKind.Colon,
            '@' => PromQlTokenKind.At,
            '=' => PromQlTokenKind.Assign,
            '<' => PromQlTokenKind.Less,
            '>' => PromQlTokenKind.Greater,
            '+' => PromQlTokenKind.Plus,
            '-' => PromQlTokenKind.Minus,
            '*' => PromQlTokenKind.Star,
            '/' => PromQlTokenKind.Slash,
            '%' => PromQlTokenKind.Percent,
            '^' => PromQlTokenKind.Caret,
            _ => null,
        };
        if (oneKind is { } single)
        {
            _position++;
            return new PromQlToken(single, c.ToString(), start);
        }

        throw new PromQlSyntaxException(start, $"unexpected character '{c}'");
    }

    private PromQlToken NumberOrDuration(int start)
    {
        if (text[_position] == '0' && _position + 1 < text.Length && text[_position + 1] is 'x' or 'X')
        {
            _position += 2;
            var digits = _position;
            while (_position < text.Length && char.IsAsciiHexDigit(text[_position]))
            {
                _position++;
            }

            if (_position == digits)
            {
                throw new PromQlSyntaxException(start, "hexadecimal number without digits");
            }

            return Finish(PromQlTokenKind.Number, start);
        }

        var integer = SkipDigits();
        if (integer && _position < text.Length && DurationUnits.Contains(text[_position], StringComparison.Ordinal))
        {
            return Duration(start);
        }

        if (_position < text.Length && text[_position] == '.')
        {
            _position++;
            SkipDigits();
        }

        if (_position < text.Length && text[_position] is 'e' or 'E')
        {
            var mark = _position;
            _position++;
            if (_position < text.Length && text[_position] is '+' or '-')
            {
                _position++;
            }

            if (!SkipDigits())
            {
                _position = mark;
            }
        }

        return Finish(PromQlTokenKind.Number, start);
    }

    /// <summary>Digits with units, largest unit first, each at most once: 1y2w3d4h5m6s7ms.</summary>
    private PromQlToken Duration(int start)
    {
        var previous = int.MaxValue;
        while (true)
        {
            var rank = Unit();
            if (rank < 0)
            {
                throw new PromQlSyntaxException(start, $"not a valid duration: '{text[start.._position]}'");
            }

            if (rank >= previous)
            {
                throw new PromQlSyntaxException(start, $"not a valid duration: units must go from largest to smallest in '{DurationText(start)}'");
            }

            previous = rank;
            if (_position >= text.Length || !char.IsAsciiDigit(text[_position]))
            {
                break;
            }

            SkipDigits();
        }

        // A colon may follow: it separates a subquery's range from its step.
        if (_position < text.Length && (char.IsAsciiLetterOrDigit(text[_position]) || text[_position] == '_'))
        {
            throw new PromQlSyntaxException(start, $"not a valid duration: '{DurationText(start)}'");
        }

        return Finish(PromQlTokenKind.Duration, start);
    }

    /// <summary>Consumes one unit and returns its rank (ms 0 ... y 6), or -1.</summary>
    private int Unit()
    {
        if (_position + 1 < text.Length && text[_position] == 'm' && text[_position + 1] == 's')
        {
            _position += 2;
            return 0;
        }

        if (_position >= text.Length)
        {
            return -1;
        }

        var rank = text[_position] switch { 's' => 1, 'm' => 2, 'h' => 3, 'd' => 4, 'w' => 5, 'y' => 6, _ => -1 };
        if (rank > 0)
        {
            _position++;
        }

        return rank;
    }

    private string DurationText(int start)
    {
        var end = _position;
        while (end < text.Length && IsIdentifierPart(text[end]))
        {
            end++;
        }

        return text[start..end];
    }

    private bool SkipDigits()
    {
        var start = _position;
        while (_position < text.Length && char.IsAsciiDigit(text[_position]))
        {
            _position++;
        }

        return _position > start;
    }

    private PromQlToken Finish(PromQlTokenKind kind, int start)
    {
        if (_position < text.Length && (char.IsAsciiLetter(text[_position]) || text[_position] == '_'))
        {
            throw new PromQlSyntaxException(start, $"bad number or duration: '{DurationText(start)}'");
        }

        return new PromQlToken(kind, text[start.._position], start);
    }

    private string QuotedString(char quote)
    {
        var start = _position;
        _position++;
        var value = new StringBuilder();
        while (_position < text.Length && text[_position] != quote)
        {
            var c = text[_position++];
            if (c == '\\' && quote != '`')
            {
                if (_position >= text.Length)
                {
                    break;
                }

                value.Append(Escape(start));
                continue;
            }

            if (c == '\n' && quote != '`')
            {
                throw new PromQlSyntaxException(start, "unterminated string (a newline inside quotes)");
            }

            value.Append(c);
        }

        if (_position >= text.Length)
        {
            throw new PromQlSyntaxException(start, "unterminated string");
        }

        _position++;
        return value.ToString();
    }

    private string Escape(int stringStart)
    {
        var c = text[_position++];
        switch (c)
        {
            case 'a': return "\a";
            case 'b': return "\b";
            case 'f': return "\f";
            case 'n': return "\n";
            case 'r': return "\r";
            case 't': return "\t";
            case 'v': return "\v";
            case '\\' or '"' or '\'': return c.ToString();
            case 'x': return Code(2, 16, stringStart);
            case 'u': return Code(4, 16, stringStart);
            case 'U': return Code(8, 16, stringStart);
            case >= '0' and <= '7':
                _position--;
                return Code(3, 8, stringStart);
            default:
                throw new PromQlSyntaxException(_position - 2, $"unknown escape sequence '\\{c}'");
        }
    }

    private string Code(int length, int radix, int stringStart)
    {
        if (_position + length > text.Length)
        {
            throw new PromQlSyntaxException(stringStart, "escape sequence runs past the end of the string");
        }

        var digits = text.Substring(_position, length);
        try
        {
            var code = Convert.ToInt32(digits, radix);
            _position += length;
            return char.ConvertFromUtf32(code);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new PromQlSyntaxException(_position, string.Create(CultureInfo.InvariantCulture, $"bad escape sequence '{digits}'"));
        }
    }

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c is '_' or ':';

    private static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or ':';
}
