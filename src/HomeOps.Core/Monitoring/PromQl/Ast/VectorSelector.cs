namespace HomeOps.Core.Monitoring.PromQl;

/// <summary>An instant vector selector: metric{matchers}, with an optional offset and @ modifier.</summary>
public sealed record VectorSelector(int Offset, string? Name, IReadOnlyList<LabelMatcher> Matchers) : PromQlExpression(Offset)
{
    public string? OffsetDuration { get; init; }

    public string? At { get; init; }

    /// <summary>The metric name: the one before the braces, or an equality matcher on __name__.</summary>
    public string? MetricName => Name ?? Matchers.FirstOrDefault(m => m.Label == "__name__" && m.Operator == "=")?.Value;

    public override PromQlType Type => PromQlType.InstantVector;

    public override IEnumerable<PromQlExpression> Children => [];
}
