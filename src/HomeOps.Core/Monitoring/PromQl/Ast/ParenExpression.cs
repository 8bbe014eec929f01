namespace HomeOps.Core.Monitoring.PromQl;

public sealed record ParenExpression(int Offset, PromQlExpression Inner) : PromQlExpression(Offset)
{
    public override PromQlType Type => Inner.Type;

    public override IEnumerable<PromQlExpression> Children => [Inner];
}
