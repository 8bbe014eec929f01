using System.Text;

namespace HomeOps.Core.Diagnostics.Output;

/// <summary>GitHub Actions workflow commands (<c>::error file=…::message</c>), shown as annotations on a pull request.</summary>
public static class GithubDiagnosticWriter
{
    public static string Write(IEnumerable<Diagnostic> diagnostics)
    {
        var sb = new StringBuilder();
        foreach (var d in diagnostics)
        {
            var command = d.Severity switch
            {
                DiagnosticSeverity.Error => "error",
                DiagnosticSeverity.Warning => "warning",
                _ => "notice",
            };
            var message = d.Hint is null ? d.Message : $"{d.Message}. {d.Hint}";
            sb.Append("::").Append(command)
              .Append(" file=").Append(Property(d.Location.Path))
              .Append(",line=").Append(d.Location.Line)
              .Append(",col=").Append(d.Location.Column)
              .Append(",title=").Append(Property($"{d.Code} {d.Name}"))
              .Append("::").Append(Data(message)).Append('\n');
        }

        return sb.ToString();
    }

    private static string Data(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string value) =>
        Data(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
