using HomeOps.Core.Diagnostics;

namespace HomeOps.Cli.Output;

internal static class ExitCodeFor
{
    /// <summary>A missing or unreadable input file, or a missing program, is an environment problem (2); other errors are findings (1).</summary>
    public static int Diagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.IsError).ToList();
        if (errors.Exists(d => d.Code == DiagnosticCatalog.FileNotFound.Code || d.Code == DiagnosticCatalog.FileUnreadable.Code || d.Code == DiagnosticCatalog.ToolNotFound.Code))
        {
            return ExitCodes.UsageOrEnvironment;
        }

        return errors.Count > 0 ? ExitCodes.ErrorsFound : ExitCodes.Success;
    }
}
