namespace HomeOps.Core.Monitoring.PromQl;

/// <summary>sum by (labels) (expr), topk(3, expr), ...</summary>
public sealed record AggregateExpression(int Offset, string Operator, PromQlExpression? Parameter, PromQlExpression Expression, bool Without, IReadOnlyList<string> Grouping)
    : PromQlExpression(Offset)
{
    public override PromQlType Type => PromQlType.InstantVector;

    public override IEnumerable<PromQlExpression> Children => Parameter is null ? [Expression] : [Parameter, Expression];
}
