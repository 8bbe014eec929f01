namespace HomeOps.Core.Monitoring.PromQl;

public sealed partial class PromQlParser
{
    private PromQlExpression Primary()
    {
        var token = Peek;
        switch (token.Kind)
        {
            case PromQlTokenKind.Number:
                Advance();
                return new NumberLiteral(token.Offset, ParseNumber(token));
            case PromQlTokenKind.String:
                Advance();
                return new StringLiteral(token.Offset, token.Text);
            case PromQlTokenKind.Duration:
                // Prometheus 3 reads a duration literal as its number of seconds (predict_linear(x[1h], 4h)).
                Advance();
                return new NumberLiteral(token.Offset, DurationSeconds(token.Text));
            case PromQlTokenKind.LeftParen:
                Advance();
                var inner = Expression(0);
                Expect(PromQlTokenKind.RightParen, "')'");
                return new ParenExpression(token.Offset, inner);
            case PromQlTokenKind.LeftBrace:
                return Selector(token.Offset, null);
            case PromQlTokenKind.Identifier:
                return Identifier(token);
            default:
                throw new PromQlSyntaxException(token.Offset, $"unexpected {Describe(token)}");
        }
    }

    private PromQlExpression Identifier(PromQlToken token)
    {
        var name = token.Text;
        var next = PeekAt(1);
        if (name.Equals("inf", StringComparison.OrdinalIgnoreCase) || name.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            Advance();
            return new NumberLiteral(token.Offset, name.Equals("nan", StringComparison.OrdinalIgnoreCase) ? double.NaN : double.PositiveInfinity);
        }

        if (PromQlFunctions.IsAggregation(Lower(name))
            && (next.Kind == PromQlTokenKind.LeftParen || Lower(next.Text) is "by" or "without"))
        {
            return Aggregation(token);
        }

        if (next.Kind == PromQlTokenKind.LeftParen)
        {
            var function = PromQlFunctions.Find(name)
                ?? throw new PromQlSyntaxException(token.Offset, $"unknown function '{name}'");
            return Call(token, function);
        }

        if (s_keywords.Contains(name))
        {
            throw new PromQlSyntaxException(token.Offset, $"unexpected keyword '{name}'");
        }

        Advance();
        return Selector(token.Offset, name);
    }

    /// <summary>metric, metric{matchers} or {matchers} (the name then comes from a __name__ matcher).</summary>
    private VectorSelector Selector(int offset, string? name)
    {
        var matchers = new List<LabelMatcher>();
        if (Peek.Kind == PromQlTokenKind.LeftBrace)
        {
            Advance();
            while (Peek.Kind != PromQlTokenKind.RightBrace)
            {
                matchers.Add(Matcher());
                if (Peek.Kind != PromQlTokenKind.Comma)
                {
                    break;
                }

                Advance();
            }

            Expect(PromQlTokenKind.RightBrace, "',' or '}' in a label matcher list");
        }

        if (name is not null && matchers.Exists(m => m.Label == "__name__"))
        {
            throw new PromQlSyntaxException(offset, $"metric name must not be set twice: '{name}' and a __name__ matcher");
        }

        if (name is null && matchers.TrueForAll(m => m.MatchesEmpty))
        {
            throw new PromQlSyntaxException(offset, "vector selector must contain at least one non-empty matcher");
        }

        return new VectorSelector(offset, name, matchers);
    }

    private LabelMatcher Matcher()
    {
        var start = Peek.Offset;
        var label = LabelName();
        var op = Peek.Kind switch
        {
            PromQlTokenKind.Assign or PromQlTokenKind.NotEqual or PromQlTokenKind.RegexMatch or PromQlTokenKind.RegexNoMatch => Advance().Text,
            _ => throw new PromQlSyntaxException(Peek.Offset, $"expected a matching operator (=, !=, =~, !~) after '{label}', found {Describe(Peek)}"),
        };
        var value = Expect(PromQlTokenKind.String, $"a quoted value for '{label}'").Text;
        var matcher = new LabelMatcher(label, op, value);
        if (matcher.IsRegex)
        {
            try
            {
                _ = matcher.Anchored();
            }
            catch (ArgumentException e)
            {
                throw new PromQlSyntaxException(start, $"invalid regular expression for '{label}': {e.Message}");
            }
        }

        return matcher;
    }

    /// <summary>op [by|without (labels)] ([parameter,] expression) [by|without (labels)].</summary>
    private AggregateExpression Aggregation(PromQlToken token)
    {
        Advance();
        token = token with { Text = Lower(token.Text) };
        var (without, grouping, hasGrouping) = Grouping();
        Expect(PromQlTokenKind.LeftParen, $"'(' after {token.Text}");
        var arguments = new List<PromQlExpression> { Expression(0) };
        while (Peek.Kind == PromQlTokenKind.Comma)
        {
            Advance();
            arguments.Add(Expression(0));
        }

        Expect(PromQlTokenKind.RightParen, "')'");
        if (!hasGrouping)
        {
            (without, grouping, _) = Grouping();
        }
        else if (IsKeyword("by") || IsKeyword("without"))
        {
            throw new PromQlSyntaxException(Peek.Offset, $"{token.Text} has two grouping clauses");
        }

        var parameterType = PromQlFunctions.AggregationParameter(token.Text);
        var expected = parameterType is null ? 1 : 2;
        if (arguments.Count != expected)
        {
            throw new PromQlSyntaxException(token.Offset, parameterType is null
                ? $"{token.Text} takes one expression, got {arguments.Count}"
                : $"{token.Text} takes a parameter and an expression, got {arguments.Count} argument(s)");
        }

        var parameter = parameterType is null ? null : arguments[0];
        var expression = arguments[^1];
        if (parameter is not null && parameter.Type != parameterType)
        {
            throw new PromQlSyntaxException(parameter.Offset, $"{token.Text}'s parameter must be a {Name(parameterType!.Value)}, got {Name(parameter.Type)}");
        }

        if (expression.Type != PromQlType.InstantVector)
        {
            throw new PromQlSyntaxException(expression.Offset, $"{token.Text} needs an instant vector, got {Name(expression.Type)}");
        }

        return new AggregateExpression(token.Offset, token.Text, parameter, expression, without, grouping);
    }

    private (bool Without, IReadOnlyList<string> Labels, bool Present) Grouping()
    {
        if (!IsKeyword("by") && !IsKeyword("without"))
        {
            return (false, [], false);
        }

        var without = Lower(Advance().Text) == "without";
        return (without, LabelList(), true);
    }

    private FunctionCall Call(PromQlToken token, PromQlFunction function)
    {
        Advance();
        Expect(PromQlTokenKind.LeftParen, "'('");
        var arguments = new List<PromQlExpression>();
        while (Peek.Kind != PromQlTokenKind.RightParen)
        {
            arguments.Add(Expression(0));
            if (Peek.Kind != PromQlTokenKind.Comma)
            {
                break;
            }

            Advance();
        }

        Expect(PromQlTokenKind.RightParen, "',' or ')' in the arguments of " + function.Name);
        if (arguments.Count < function.MinArguments || (function.MaxArguments is { } max && arguments.Count > max))
        {
            var expected = function.MaxArguments == function.MinArguments
                ? $"{function.MinArguments}"
                : function.MaxArguments is { } most ? $"{function.MinArguments} to {most}" : $"at least {function.MinArguments}";
            throw new PromQlSyntaxException(token.Offset, $"{function.Name} takes {expected} argument(s), got {arguments.Count}");
        }

        for (var i = 0; i < arguments.Count; i++)
        {
            var wanted = function.ArgumentType(i);
            if (arguments[i].Type != wanted)
            {
                throw new PromQlSyntaxException(arguments[i].Offset,
                    $"argument {i + 1} of {function.Name} must be a {Name(wanted)}, got {Name(arguments[i].Type)}");
            }
        }

        return new FunctionCall(token.Offset, function, arguments);
    }
}
