using System.Globalization;

namespace HomeOps.Core.Monitoring.PromQl;

/// <summary>
/// A parser for PromQL, written for checking alert and recording rules offline: the grammar of Prometheus 3.x
/// (selectors, range selectors and subqueries, offset and @, unary and binary operators with their precedence,
/// bool and vector matching, aggregations, function calls) and the type rules Prometheus applies when it loads a
/// rule (argument types, scalar comparisons need bool, set operators need vectors, ...). It does not evaluate.
/// </summary>
public sealed partial class PromQlParser
{
    /// <summary>Keywords, like aggregation operators, are case-insensitive in PromQL (SUM ... BY is valid); functions are not.</summary>
    private static readonly HashSet<string> s_keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "unless", "atan2", "by", "without", "on", "ignoring", "group_left", "group_right", "offset", "bool",
    };

    private readonly string _text;
    private readonly List<PromQlToken> _tokens;
    private int _index;

    private PromQlParser(string text, List<PromQlToken> tokens)
    {
        _text = text;
        _tokens = tokens;
    }

    /// <summary>Parses one expression. Never throws for bad input: the error says what and where.</summary>
    public static PromQlParseResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            var parser = new PromQlParser(text, new PromQlLexer(text).Tokenize());
            if (parser.Peek.Kind == PromQlTokenKind.End)
            {
                throw new PromQlSyntaxException(0, "no expression");
            }

            var expression = parser.Expression(0);
            if (parser.Peek.Kind != PromQlTokenKind.End)
            {
                throw new PromQlSyntaxException(parser.Peek.Offset, $"unexpected {Describe(parser.Peek)} after the expression");
            }

            return new PromQlParseResult(expression, null);
        }
        catch (PromQlSyntaxException e)
        {
            return new PromQlParseResult(null, ErrorAt(text, e.Offset, e.Message));
        }
    }

    private PromQlToken Peek => _tokens[_index];

    private PromQlToken PeekAt(int ahead) => _tokens[Math.Min(_index + ahead, _tokens.Count - 1)];

    private PromQlToken Advance() => _tokens[_index++];

    private bool IsKeyword(string keyword) =>
        Peek.Kind == PromQlTokenKind.Identifier && string.Equals(Peek.Text, keyword, StringComparison.OrdinalIgnoreCase);

    private static string Lower(string text) => text.ToLowerInvariant();

    private PromQlToken Expect(PromQlTokenKind kind, string what)
    {
        if (Peek.Kind != kind)
        {
            throw new PromQlSyntaxException(Peek.Offset, $"expected {what}, found {Describe(Peek)}");
        }

        return Advance();
    }

    /// <summary>Precedence climbing over the binary operators; ^ is right-associative.</summary>
    private PromQlExpression Expression(int minimumPrecedence)
    {
        var left = Unary();
        while (BinaryOperator() is { } op && Precedence(op) >= minimumPrecedence)
        {
            var opToken = Advance();
            var returnBool = false;
            if (IsKeyword("bool"))
            {
                if (!IsComparison(op))
                {
                    throw new PromQlSyntaxException(Peek.Offset, $"bool modifier can only be used on comparison operators, not '{op}'");
                }

                Advance();
                returnBool = true;
            }

            var matching = Matching();
            var next = op == "^" ? Precedence(op) : Precedence(op) + 1;
            var right = Expression(next);
            left = CheckBinary(new BinaryExpression(opToken.Offset, op, left, right, returnBool, matching));
        }

        return left;
    }

    /// <summary>Unary plus and minus bind like multiplication: -a ^ b is -(a ^ b), -a * b is (-a) * b.</summary>
    private PromQlExpression Unary()
    {
        if (Peek.Kind is PromQlTokenKind.Plus or PromQlTokenKind.Minus)
        {
            var op = Advance();
            var operand = Expression(Precedence("^"));
            if (operand.Type is not (PromQlType.Scalar or PromQlType.InstantVector))
            {
                throw new PromQlSyntaxException(op.Offset, $"unary expression only allowed on expressions of type scalar or instant vector, got {Name(operand.Type)}");
            }

            // Prometheus folds a sign into a number literal.
            return operand is NumberLiteral number
                ? number with { Offset = op.Offset, Value = op.Text == "-" ? -number.Value : number.Value }
                : new UnaryExpression(op.Offset, op.Text, operand);
        }

        return Postfix(Primary());
    }

    private string? BinaryOperator()
    {
        var token = Peek;
        return token.Kind switch
        {
            PromQlTokenKind.Plus or PromQlTokenKind.Minus or PromQlTokenKind.Star or PromQlTokenKind.Slash or PromQlTokenKind.Percent
                or PromQlTokenKind.Caret or PromQlTokenKind.EqualEqual or PromQlTokenKind.NotEqual or PromQlTokenKind.Less
                or PromQlTokenKind.LessEqual or PromQlTokenKind.Greater or PromQlTokenKind.GreaterEqual => token.Text,
            PromQlTokenKind.Identifier when Lower(token.Text) is "and" or "or" or "unless" or "atan2" => Lower(token.Text),
            _ => null,
        };
    }

    private static int Precedence(string op) => op switch
    {
        "or" => 1,
        "and" or "unless" => 2,
        "==" or "!=" or "<" or "<=" or ">" or ">=" => 3,
        "+" or "-" => 4,
        "*" or "/" or "%" or "atan2" => 5,
        "^" => 6,
        _ => 0,
    };

    private static bool IsComparison(string op) => op is "==" or "!=" or "<" or "<=" or ">" or ">=";

    private static bool IsSetOperator(string op) => op is "and" or "or" or "unless";

    /// <summary>on(...)/ignoring(...) and group_left/group_right(...) after a binary operator.</summary>
    private VectorMatching? Matching()
    {
        if (!IsKeyword("on") && !IsKeyword("ignoring"))
        {
            if (IsKeyword("group_left") || IsKeyword("group_right"))
            {
                throw new PromQlSyntaxException(Peek.Offset, $"{Peek.Text} needs on(...) or ignoring(...) before it");
            }

            return null;
        }

        var on = Lower(Advance().Text) == "on";
        var labels = LabelList();
        string? group = null;
        IReadOnlyList<string> include = [];
        if (IsKeyword("group_left") || IsKeyword("group_right"))
        {
            group = Lower(Advance().Text);
            if (Peek.Kind == PromQlTokenKind.LeftParen)
            {
                include = LabelList();
            }
        }

        return new VectorMatching(on, labels, group, include);
    }

    /// <summary>( label, label, ... ) with an optional trailing comma.</summary>
    private List<string> LabelList()
    {
        Expect(PromQlTokenKind.LeftParen, "'(' before a label list");
        var labels = new List<string>();
        while (Peek.Kind != PromQlTokenKind.RightParen)
        {
            labels.Add(LabelName());
            if (Peek.Kind != PromQlTokenKind.Comma)
            {
                break;
            }

            Advance();
        }

        Expect(PromQlTokenKind.RightParen, "',' or ')' in a label list");
        return labels;
    }

    private string LabelName()
    {
        var token = Peek;
        if (token.Kind == PromQlTokenKind.String)
        {
            // Prometheus 3 accepts any UTF-8 label name in quotes.
            return Advance().Text;
        }

        if (token.Kind != PromQlTokenKind.Identifier || token.Text.Contains(':', StringComparison.Ordinal))
        {
            throw new PromQlSyntaxException(token.Offset, $"expected a label name, found {Describe(token)}");
        }

        return Advance().Text;
    }

    private static string Describe(PromQlToken token) => token.Kind switch
    {
        PromQlTokenKind.End => "the end of the expression",
        PromQlTokenKind.Identifier => $"'{token.Text}'",
        PromQlTokenKind.String => $"the string \"{token.Text}\"",
        _ => $"'{token.Text}'",
    };

    private static string Name(PromQlType type) => type switch
    {
        PromQlType.Scalar => "scalar",
        PromQlType.InstantVector => "instant vector",
        PromQlType.RangeVector => "range vector",
        _ => "string",
    };

    private static double ParseNumber(PromQlToken token)
    {
        var text = token.Text;
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return long.Parse(text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        }

        return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static PromQlError ErrorAt(string text, int offset, string message)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        var line = 1;
        var column = 1;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return new PromQlError(offset, line, column, message);
    }
}
