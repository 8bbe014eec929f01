namespace HomeOps.Core.Monitoring.PromQl;

/// <summary>+expr or -expr.</summary>
public sealed record UnaryExpression(int Offset, string Operator, PromQlExpression Operand) : PromQlExpression(Offset)
{
    public override PromQlType Type => Operand.Type;

    public override IEnumerable<PromQlExpression> Children => [Operand];
}
