namespace HomeOps.Core.Diagnostics;

/// <summary>
/// One problem found in the user's input: a stable code, a severity, where it is, what is wrong and how to fix it.
/// Created only through <see cref="DiagnosticDescriptor"/>s in <see cref="DiagnosticCatalog"/>.
/// </summary>
public sealed record Diagnostic(
    string Code,
    string Name,
    DiagnosticSeverity Severity,
    SourceSpan Location,
    string Message,
    string? Hint)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>The file at <see cref="Location"/> holds secrets (a Talos secrets bundle): never print its lines.</summary>
    public bool SourceIsSecret { get; init; }

    public Diagnostic WithSeverity(DiagnosticSeverity severity) => this with { Severity = severity };

    public override string ToString() =>
        $"{Location}: {Severity.ToString().ToLowerInvariant()} {Code}: {Message}";
}
