namespace HomeOps.Core.Status;

/// <summary>
/// A line a section states about itself rather than about one object: a root cause ("postgresql-cluster fails:
/// ... ; blocks 3"), "Longhorn is not installed", "could not ask the API server". <see cref="Code"/> is the
/// diagnostic code that documents it (docs/diagnostics.md), <see cref="Hint"/> what to do about it.
/// </summary>
public sealed record StatusFinding(Health Health, string Message, string? Code = null, string? Hint = null);

/// <summary>Findings built from the diagnostics catalogue, so every message and hint has one home.</summary>
public static class StatusFindings
{
    public static StatusFinding From(Diagnostics.DiagnosticDescriptor descriptor, Health health, params object?[] args)
    {
        var d = descriptor.At(Diagnostics.SourceSpan.File("cluster"), args);
        return new StatusFinding(health, d.Message, d.Code, d.Hint);
    }
}
