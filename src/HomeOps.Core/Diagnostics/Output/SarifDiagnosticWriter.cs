using System.Text;
using System.Text.Json;

namespace HomeOps.Core.Diagnostics.Output;

/// <summary>SARIF 2.1.0, the format GitHub code scanning and most editors import.</summary>
public static class SarifDiagnosticWriter
{
    public static string Write(IReadOnlyCollection<Diagnostic> diagnostics, string toolVersion)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, JsonDiagnosticWriter.Options))
        {
            w.WriteStartObject();
            w.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();
            WriteTool(w, diagnostics, toolVersion);
            w.WriteStartArray("results");
            foreach (var d in diagnostics)
            {
                WriteResult(w, d);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteTool(Utf8JsonWriter w, IReadOnlyCollection<Diagnostic> diagnostics, string toolVersion)
    {
        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", "homeops");
        w.WriteString("version", toolVersion);
        w.WriteStartArray("rules");
        foreach (var code in diagnostics.Select(d => d.Code).Distinct().Order(StringComparer.Ordinal))
        {
            var descriptor = DiagnosticCatalog.Find(code);
            w.WriteStartObject();
            w.WriteString("id", code);
            if (descriptor is not null)
            {
                w.WriteString("name", descriptor.Name);
                w.WriteStartObject("shortDescription");
                w.WriteString("text", descriptor.Title);
                w.WriteEndObject();
                w.WriteStartObject("help");
                w.WriteString("text", $"See docs/diagnostics.md#{code.ToLowerInvariant()}");
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter w, Diagnostic d)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", d.Code);
        w.WriteString("level", d.Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "note",
        });
        w.WriteStartObject("message");
        w.WriteString("text", d.Hint is null ? d.Message : $"{d.Message}. {d.Hint}");
        w.WriteEndObject();
        w.WriteStartArray("locations");
        w.WriteStartObject();
        w.WriteStartObject("physicalLocation");
        w.WriteStartObject("artifactLocation");
        w.WriteString("uri", d.Location.Path);
        w.WriteEndObject();
        w.WriteStartObject("region");
        w.WriteNumber("startLine", d.Location.Line);
        w.WriteNumber("startColumn", d.Location.Column);
        w.WriteNumber("endLine", Math.Max(d.Location.EndLine, d.Location.Line));
        w.WriteNumber("endColumn", Math.Max(d.Location.EndColumn, d.Location.Column));
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
