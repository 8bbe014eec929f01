namespace HomeOps.Core.Monitoring.PromQl;

public sealed record FunctionCall(int Offset, PromQlFunction Function, IReadOnlyList<PromQlExpression> Arguments) : PromQlExpression(Offset)
{
    public override PromQlType Type => Function.ReturnType;

    public override IEnumerable<PromQlExpression> Children => Arguments;
}
