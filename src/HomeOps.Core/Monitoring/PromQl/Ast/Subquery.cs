namespace HomeOps.Core.Monitoring.PromQl;

/// <summary>A subquery: an instant-vector expression evaluated over a range, expr[range:step].</summary>
public sealed record Subquery(int Offset, PromQlExpression Expression, string Range, string? Step) : PromQlExpression(Offset)
{
    public string? OffsetDuration { get; init; }

    public string? At { get; init; }

    public override PromQlType Type => PromQlType.RangeVector;

    public override IEnumerable<PromQlExpression> Children => [Expression];
}
