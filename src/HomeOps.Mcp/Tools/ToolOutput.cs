using HomeOps.Core.Diagnostics;
using HomeOps.Core.Diagnostics.Output;
using HomeOps.Operations;
using ModelContextProtocol.Protocol;

namespace HomeOps.Mcp.Tools;

/// <summary>How tools answer: plain text, diagnostics as the CLI prints them, or a tool error the assistant can read.</summary>
internal static class ToolOutput
{
    public static CallToolResult Text(string text) => new() { Content = [new TextContentBlock { Text = text }] };

    /// <summary>A failure the assistant should read and act on (missing kubeconfig, unknown code): the server keeps running.</summary>
    public static CallToolResult Error(string text) => new() { Content = [new TextContentBlock { Text = text }], IsError = true };

    /// <summary>Diagnostics in the CLI's text form (source line, caret, hint), then a summary line.</summary>
    public static string Diagnostics(Workspace workspace, IReadOnlyList<Diagnostic> diagnostics, string summary)
    {
        var text = TextDiagnosticWriter.Write(diagnostics, workspace.SourceLookup(diagnostics));
        return $"{text}{summary}; {TextDiagnosticWriter.Summary([.. diagnostics])}\n";
    }
}
