namespace HomeOps.Core.Monitoring.PromQl;

/// <summary>The outcome of parsing: the expression tree, or the first error (PromQL, like Prometheus, stops there).</summary>
public sealed record PromQlParseResult(PromQlExpression? Expression, PromQlError? Error)
{
    public bool Succeeded => Error is null;

    /// <summary>The metric names the expression reads (selectors' names and __name__ equality matchers).</summary>
    public IReadOnlyList<string> MetricNames => Expression is null ? [] : PromQlMetrics.Names(Expression);
}
