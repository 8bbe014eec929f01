namespace HomeOps.Core.Monitoring.PromQl;

/// <summary>Why an expression is not valid PromQL, and where (0-based offset; 1-based line and column).</summary>
public sealed record PromQlError(int Offset, int Line, int Column, string Message)
{
    public override string ToString() => $"{Line}:{Column}: {Message}";
}
