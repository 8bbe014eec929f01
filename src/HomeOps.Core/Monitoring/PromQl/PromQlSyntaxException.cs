namespace HomeOps.Core.Monitoring.PromQl;

/// <summary>Unwinds the recursive-descent parser at the first error; never escapes <see cref="PromQlParser.Parse"/>.</summary>
internal sealed class PromQlSyntaxException(int offset, string message) : Exception(message)
{
    public int Offset { get; } = offset;
}
