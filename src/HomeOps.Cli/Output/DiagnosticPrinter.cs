using System.Reflection;
using HomeOps.Core.Diagnostics;

namespace HomeOps.Cli.Output;

/// <summary>Prints diagnostics in the format the user asked for, with source lines for text output.</summary>
internal static class DiagnosticPrinter
{
    public static string ToolVersion =>
        typeof(DiagnosticPrinter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static void Print(CliContext context, Workspace workspace, OutputFormat format, IReadOnlyList<Diagnostic> diagnostics) =>
        context.Out.Write(DiagnosticWriter.Write(format, diagnostics, ToolVersion, workspace.SourceLookup(diagnostics)));
}
