using System.Globalization;

namespace HomeOps.Core.Diagnostics;

/// <summary>
/// The definition of one kind of problem: its code (never reused), a kebab-case name, default severity,
/// a message template and a hint template (both <see cref="string.Format(IFormatProvider, string, object[])"/> style).
/// </summary>
public sealed record DiagnosticDescriptor(
    string Code,
    string Name,
    DiagnosticSeverity DefaultSeverity,
    string Title,
    string MessageFormat,
    string HintFormat)
{
    public DiagnosticArea Area => (DiagnosticArea)(Code[2] - '0');

    /// <summary>The file this problem points at holds secrets: printers never quote its lines.</summary>
    public bool SourceIsSecret { get; init; }

    /// <summary>
    /// As an error, this problem is about the invocation or the machine (a missing file or program, a revision git
    /// does not know, a cluster that cannot be read), not a finding in the input: the CLI exits 2 for it, not 1.
    /// </summary>
    public bool EnvironmentProblem { get; init; }

    public Diagnostic At(SourceSpan location, params object?[] args) =>
        new(Code, Name, DefaultSeverity, location, Format(MessageFormat, args), Format(HintFormat, args)) { SourceIsSecret = SourceIsSecret };

    private static string Format(string template, object?[] args) =>
        args.Length == 0 ? template : string.Format(CultureInfo.InvariantCulture, template, args);
}
