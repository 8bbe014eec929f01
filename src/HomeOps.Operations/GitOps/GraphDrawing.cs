using HomeOps.Core.Diagnostics;

namespace HomeOps.Operations.GitOps;

/// <summary>The dependency graph drawn in one format, or why it could not be (Graphviz missing or failing, for SVG).</summary>
public sealed record GraphDrawing(string? Text)
{
    public Diagnostic? ToolMissing { get; init; }

    /// <summary>What dot said when it failed.</summary>
    public string? ToolError { get; init; }
}
