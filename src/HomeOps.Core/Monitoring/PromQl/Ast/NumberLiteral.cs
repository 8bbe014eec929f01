namespace HomeOps.Core.Monitoring.PromQl;

public sealed record NumberLiteral(int Offset, double Value) : PromQlExpression(Offset)
{
    public override PromQlType Type => PromQlType.Scalar;

    public override IEnumerable<PromQlExpression> Children => [];
}
