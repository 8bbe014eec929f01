namespace HomeOps.Core.Diagnostics.Output;

/// <summary>Picks the writer for an <see cref="OutputFormat"/>.</summary>
public static class DiagnosticWriter
{
    public static string Write(OutputFormat format, IReadOnlyList<Diagnostic> diagnostics, string toolVersion, Func<string, string?>? sourceLookup = null) =>
        format switch
        {
            OutputFormat.Json => JsonDiagnosticWriter.Write(diagnostics),
            OutputFormat.Sarif => SarifDiagnosticWriter.Write(diagnostics, toolVersion),
            OutputFormat.Github => GithubDiagnosticWriter.Write(diagnostics),
            _ => TextDiagnosticWriter.Write(diagnostics, sourceLookup),
        };
}
