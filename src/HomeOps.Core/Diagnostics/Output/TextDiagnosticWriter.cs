using System.Text;

namespace HomeOps.Core.Diagnostics.Output;

/// <summary>
/// <c>path:line:col: error HO1001: message</c>, the offending source line with a caret, and the hint.
/// </summary>
public static class TextDiagnosticWriter
{
    /// <param name="sourceLookup">Returns a file's text so the offending line can be shown; may return null.</param>
    public static string Write(IEnumerable<Diagnostic> diagnostics, Func<string, string?>? sourceLookup = null)
    {
        var sb = new StringBuilder();
        var lines = new Dictionary<string, string[]?>(StringComparer.Ordinal);
        foreach (var d in diagnostics)
        {
            sb.Append(d.Location.Path).Append(':').Append(d.Location.Line).Append(':').Append(d.Location.Column)
              .Append(": ").Append(SeverityWord(d.Severity)).Append(' ').Append(d.Code).Append(": ").Append(d.Message).Append('\n');
            if (SourceLine(d.Location, sourceLookup, lines) is { } line)
            {
                var column = Math.Clamp(d.Location.Column, 1, line.Length + 1);
                sb.Append("    ").Append(line).Append('\n');
                sb.Append("    ").Append(' ', column - 1).Append('^').Append('\n');
            }

            if (!string.IsNullOrEmpty(d.Hint))
            {
                sb.Append("  hint: ").Append(d.Hint).Append('\n');
            }
        }

        return sb.ToString();
    }

    public static string Summary(IReadOnlyCollection<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        return $"{errors} error(s), {warnings} warning(s)";
    }

    public static string SeverityWord(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "off",
    };

    private static string? SourceLine(SourceSpan span, Func<string, string?>? lookup, Dictionary<string, string[]?> cache)
    {
        if (lookup is null)
        {
            return null;
        }

        if (!cache.TryGetValue(span.Path, out var fileLines))
        {
            fileLines = lookup(span.Path)?.Split('\n');
            cache[span.Path] = fileLines;
        }

        if (fileLines is null || span.Line < 1 || span.Line > fileLines.Length)
        {
            return null;
        }

        var line = fileLines[span.Line - 1].TrimEnd('\r');
        return line.Length > 200 || line.Any(char.IsControl) ? null : line;
    }
}
