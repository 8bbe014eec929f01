namespace HomeOps.Core.Monitoring.PromQl;

/// <summary>A node of a parsed PromQL expression: its value type and where it starts in the text.</summary>
public abstract record PromQlExpression(int Offset)
{
    public abstract PromQlType Type { get; }

    /// <summary>The direct sub-expressions, for walking the tree.</summary>
    public abstract IEnumerable<PromQlExpression> Children { get; }
}
