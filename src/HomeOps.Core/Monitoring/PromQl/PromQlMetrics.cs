namespace HomeOps.Core.Monitoring.PromQl;

/// <summary>Reads what a parsed expression depends on.</summary>
public static class PromQlMetrics
{
    /// <summary>Every metric name the expression selects, in order of appearance, without duplicates.</summary>
    public static IReadOnlyList<string> Names(PromQlExpression expression) =>
        [.. Selectors(expression).Select(s => s.MetricName).OfType<string>().Distinct(StringComparer.Ordinal)];

    /// <summary>Every vector selector of the expression (those inside range selectors and subqueries too).</summary>
    public static IEnumerable<VectorSelector> Selectors(PromQlExpression expression)
    {
        var stack = new Stack<PromQlExpression>([expression]);
        var found = new List<VectorSelector>();
        while (stack.TryPop(out var next))
        {
            if (next is VectorSelector selector)
            {
                found.Add(selector);
            }

            foreach (var child in next.Children.Reverse())
            {
                stack.Push(child);
            }
        }

        return found;
    }
}
