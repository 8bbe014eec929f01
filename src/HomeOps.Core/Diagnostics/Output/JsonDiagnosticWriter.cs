using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace HomeOps.Core.Diagnostics.Output;

/// <summary>Diagnostics as one JSON document: a list plus error and warning counts.</summary>
public static class JsonDiagnosticWriter
{
    internal static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(IReadOnlyCollection<Diagnostic> diagnostics)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteStartArray("diagnostics");
            foreach (var d in diagnostics)
            {
                w.WriteStartObject();
                w.WriteString("code", d.Code);
                w.WriteString("name", d.Name);
                w.WriteString("severity", TextDiagnosticWriter.SeverityWord(d.Severity));
                w.WriteString("path", d.Location.Path);
                w.WriteNumber("line", d.Location.Line);
                w.WriteNumber("column", d.Location.Column);
                w.WriteNumber("endLine", d.Location.EndLine);
                w.WriteNumber("endColumn", d.Location.EndColumn);
                w.WriteString("message", d.Message);
                if (d.Hint is not null)
                {
                    w.WriteString("hint", d.Hint);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("summary");
            w.WriteNumber("errors", diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error));
            w.WriteNumber("warnings", diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning));
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
