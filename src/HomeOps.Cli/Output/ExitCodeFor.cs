using HomeOps.Core.Diagnostics;

namespace HomeOps.Cli.Output;

internal static class ExitCodeFor
{
    /// <summary>
    /// A missing or unreadable input file, a missing program, or a --base git does not know (or no repository) is a
    /// usage or environment problem (2); other errors are findings (1).
    /// </summary>
    public static int Diagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.IsError).ToList();
        if (errors.Exists(d => d.Code == DiagnosticCatalog.FileNotFound.Code || d.Code == DiagnosticCatalog.FileUnreadable.Code || d.Code == DiagnosticCatalog.ToolNotFound.Code
            || d.Code == DiagnosticCatalog.DiffBaseUnknown.Code))
        {
            return ExitCodes.UsageOrEnvironment;
        }

        return errors.Count > 0 ? ExitCodes.ErrorsFound : ExitCodes.Success;
    }
}
