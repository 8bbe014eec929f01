namespace HomeOps.Core.Monitoring.PromQl;

public sealed record StringLiteral(int Offset, string Value) : PromQlExpression(Offset)
{
    public override PromQlType Type => PromQlType.String;

    public override IEnumerable<PromQlExpression> Children => [];
}
