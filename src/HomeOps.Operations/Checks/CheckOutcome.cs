using HomeOps.Core.Diagnostics;

namespace HomeOps.Operations.Checks;

/// <summary>What a check found. <see cref="Skipped"/> explains a check that could not run (a missing tool, say).</summary>
public sealed record CheckOutcome(string Name, IReadOnlyList<Diagnostic> Diagnostics, string? Skipped = null, string? Summary = null)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
