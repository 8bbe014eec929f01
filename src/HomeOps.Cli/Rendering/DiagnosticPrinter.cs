using System.Reflection;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Diagnostics.Output;
using HomeOps.Operations;

namespace HomeOps.Cli.Rendering;

/// <summary>Prints diagnostics in the format the user asked for, with source lines for text output.</summary>
internal static class DiagnosticPrinter
{
    public static string ToolVersion =>
        typeof(DiagnosticPrinter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static void Print(CliContext context, Workspace workspace, OutputFormat format, IReadOnlyList<Diagnostic> diagnostics)
    {
        // A file any diagnostic marks as secret (a Talos secrets bundle) is never quoted, for any diagnostic.
        var secretFiles = diagnostics.Where(d => d.SourceIsSecret).Select(d => d.Location.Path).ToHashSet(StringComparer.Ordinal);
        var text = DiagnosticWriter.Write(format, diagnostics, ToolVersion, path => secretFiles.Contains(path) ? null : ReadForDisplay(context, workspace, path));
        context.Out.Write(text);
    }

    private static string? ReadForDisplay(CliContext context, Workspace workspace, string displayPath)
    {
        try
        {
            var full = Path.GetFullPath(displayPath, workspace.DisplayBase);
            return context.Files.FileExists(full) && context.Files.FileSize(full) < 1024 * 1024 ? context.Files.ReadAllText(full) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
