namespace HomeOps.Core.Monitoring.PromQl;

/// <summary>A range vector selector: a vector selector with a range, metric[5m].</summary>
public sealed record MatrixSelector(int Offset, VectorSelector Vector, string Range) : PromQlExpression(Offset)
{
    public override PromQlType Type => PromQlType.RangeVector;

    public override IEnumerable<PromQlExpression> Children => [Vector];
}
