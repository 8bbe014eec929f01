namespace HomeOps.Core.Monitoring.PromQl;

public sealed partial class PromQlParser
{
    /// <summary>[range], [range:step], offset and @ after a primary expression.</summary>
    private PromQlExpression Postfix(PromQlExpression expression)
    {
        while (true)
        {
            if (Peek.Kind == PromQlTokenKind.LeftBracket)
            {
                expression = RangeOrSubquery(expression);
            }
            else if (IsKeyword("offset"))
            {
                var keyword = Advance();
                var negative = false;
                if (Peek.Kind is PromQlTokenKind.Minus or PromQlTokenKind.Plus)
                {
                    negative = Advance().Kind == PromQlTokenKind.Minus;
                }

                var duration = Duration("a duration after offset");
                expression = WithModifier(expression, keyword, offset: (negative ? "-" : string.Empty) + duration, at: null);
            }
            else if (Peek.Kind == PromQlTokenKind.At)
            {
                var at = Advance();
                expression = WithModifier(expression, at, offset: null, at: AtValue());
            }
            else
            {
                return expression;
            }
        }
    }

    private PromQlExpression RangeOrSubquery(PromQlExpression expression)
    {
        var open = Advance();
        var range = Duration("a duration such as 5m in [ ]");
        if (Peek.Kind == PromQlTokenKind.Colon)
        {
            Advance();
            string? step = null;
            if (Peek.Kind is PromQlTokenKind.Duration or PromQlTokenKind.Number)
            {
                step = Duration("a step");
            }

            Expect(PromQlTokenKind.RightBracket, "']' after the subquery step");
            if (expression.Type != PromQlType.InstantVector)
            {
                throw new PromQlSyntaxException(open.Offset, $"subquery is only allowed on an instant vector, got {Name(expression.Type)}");
            }

            return new Subquery(expression.Offset, expression, range, step);
        }

        Expect(PromQlTokenKind.RightBracket, "']' after the range");
        if (expression is not VectorSelector { OffsetDuration: null, At: null } selector)
        {
            throw new PromQlSyntaxException(open.Offset, expression is VectorSelector
                ? "the range goes before offset and @: metric[5m] offset 1h"
                : "ranges are only allowed on vector selectors (use a subquery, expr[5m:1m], for anything else)");
        }

        return new MatrixSelector(selector.Offset, selector, range);
    }

    private string AtValue()
    {
        if (IsKeyword("start") || IsKeyword("end"))
        {
            var name = Lower(Advance().Text);
            Expect(PromQlTokenKind.LeftParen, $"'(' after {name}");
            Expect(PromQlTokenKind.RightParen, "')'");
            return name + "()";
        }

        var sign = Peek.Kind is PromQlTokenKind.Minus or PromQlTokenKind.Plus ? Advance().Text : string.Empty;
        if (Peek.Kind is not (PromQlTokenKind.Number or PromQlTokenKind.Duration))
        {
            throw new PromQlSyntaxException(Peek.Offset, $"expected a Unix time, start() or end() after @, found {Describe(Peek)}");
        }

        return sign + Advance().Text;
    }

    /// <summary>A duration (5m, 1h30m) or, as Prometheus 3 allows, a number of seconds.</summary>
    private string Duration(string what)
    {
        if (Peek.Kind is not (PromQlTokenKind.Duration or PromQlTokenKind.Number))
        {
            throw new PromQlSyntaxException(Peek.Offset, $"expected {what}, found {Describe(Peek)}");
        }

        var token = Advance();
        if (token.Kind == PromQlTokenKind.Number && !(ParseNumber(token) >= 0))
        {
            throw new PromQlSyntaxException(token.Offset, $"not a valid duration: '{token.Text}'");
        }

        return token.Text;
    }

    /// <summary>The length of a lexed duration (units largest first, each at most once) in seconds.</summary>
    private static double DurationSeconds(string text)
    {
        double total = 0;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            var amount = double.Parse(text[start..i], System.Globalization.CultureInfo.InvariantCulture);
            var unit = text[i] == 'm' && i + 1 < text.Length && text[i + 1] == 's' ? "ms" : text[i].ToString();
            i += unit.Length;
            total += amount * unit switch
            {
                "ms" => 0.001,
                "s" => 1,
                "m" => 60,
                "h" => 3600,
                "d" => 86400,
                "w" => 604800,
                _ => 31536000,
            };
        }

        return total;
    }

    private static PromQlExpression WithModifier(PromQlExpression expression, PromQlToken keyword, string? offset, string? at)
    {
        var what = offset is null ? "@" : "offset";
        switch (expression)
        {
            case VectorSelector s:
                Check(s.OffsetDuration, s.At);
                return s with { OffsetDuration = offset ?? s.OffsetDuration, At = at ?? s.At };
            case MatrixSelector m:
                Check(m.Vector.OffsetDuration, m.Vector.At);
                return m with { Vector = m.Vector with { OffsetDuration = offset ?? m.Vector.OffsetDuration, At = at ?? m.Vector.At } };
            case Subquery q:
                Check(q.OffsetDuration, q.At);
                return q with { OffsetDuration = offset ?? q.OffsetDuration, At = at ?? q.At };
            default:
                throw new PromQlSyntaxException(keyword.Offset, $"{what} modifier must follow a selector or a subquery");
        }

        void Check(string? existingOffset, string? existingAt)
        {
            if ((offset is not null && existingOffset is not null) || (at is not null && existingAt is not null))
            {
                throw new PromQlSyntaxException(keyword.Offset, $"{what} may not be set twice");
            }
        }
    }

    /// <summary>The type rules Prometheus applies to a binary operation.</summary>
    private static BinaryExpression CheckBinary(BinaryExpression binary)
    {
        var (op, left, right) = (binary.Operator, binary.Left.Type, binary.Right.Type);
        foreach (var side in new[] { binary.Left, binary.Right })
        {
            if (side.Type is not (PromQlType.Scalar or PromQlType.InstantVector))
            {
                throw new PromQlSyntaxException(side.Offset, $"binary expression must contain only scalar and instant vector types, got {Name(side.Type)}");
            }
        }

        var bothVectors = left == PromQlType.InstantVector && right == PromQlType.InstantVector;
        if (IsSetOperator(op) && !bothVectors)
        {
            throw new PromQlSyntaxException(binary.Offset, $"set operator '{op}' not allowed in binary scalar expression");
        }

        if (IsComparison(op) && left == PromQlType.Scalar && right == PromQlType.Scalar && !binary.ReturnBool)
        {
            throw new PromQlSyntaxException(binary.Offset, "comparisons between scalars must use the bool modifier");
        }

        if (binary.Matching is { } matching)
        {
            if (!bothVectors)
            {
                throw new PromQlSyntaxException(binary.Offset, "vector matching (on, ignoring, group_left, group_right) is only allowed between instant vectors");
            }

            if (matching.Group is not null && IsSetOperator(op))
            {
                throw new PromQlSyntaxException(binary.Offset, $"no grouping ({matching.Group}) allowed for the set operator '{op}'");
            }

            if (matching.On && matching.Group is not null)
            {
                var both = matching.Labels.Intersect(matching.Include, StringComparer.Ordinal).FirstOrDefault();
                if (both is not null)
                {
                    throw new PromQlSyntaxException(binary.Offset, $"label '{both}' must not occur in on() and {matching.Group}() at the same time");
                }
            }
        }

        return binary;
    }
}
