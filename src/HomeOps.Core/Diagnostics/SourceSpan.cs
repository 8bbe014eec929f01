namespace HomeOps.Core.Diagnostics;

/// <summary>A place in a file: 1-based line and column of the start, and of the end (exclusive).</summary>
public sealed record SourceSpan(string Path, int Line, int Column, int EndLine, int EndColumn)
{
    public static SourceSpan At(string path, int line, int column) => new(path, line, column, line, column);

    /// <summary>The whole file, for problems that have no better place (a missing file, an empty document).</summary>
    public static SourceSpan File(string path) => new(path, 1, 1, 1, 1);

    public override string ToString() => $"{Path}:{Line}:{Column}";
}
