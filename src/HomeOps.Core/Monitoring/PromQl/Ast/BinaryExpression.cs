namespace HomeOps.Core.Monitoring.PromQl;

/// <summary>lhs op rhs, with the bool modifier of comparisons and vector matching.</summary>
public sealed record BinaryExpression(int Offset, string Operator, PromQlExpression Left, PromQlExpression Right, bool ReturnBool, VectorMatching? Matching)
    : PromQlExpression(Offset)
{
    public override PromQlType Type =>
        Left.Type == PromQlType.Scalar && Right.Type == PromQlType.Scalar ? PromQlType.Scalar : PromQlType.InstantVector;

    public override IEnumerable<PromQlExpression> Children => [Left, Right];
}
