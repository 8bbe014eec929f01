using HomeOps.Core.Diagnostics;

namespace HomeOps.Cli.Output;

internal static class ExitCodeFor
{
    private static readonly HashSet<string> s_environmentCodes =
        [.. DiagnosticCatalog.All.Where(d => d.EnvironmentProblem).Select(d => d.Code)];

    /// <summary>
    /// An error whose descriptor says <see cref="DiagnosticDescriptor.EnvironmentProblem"/> (a missing or unreadable
    /// input file, a missing program, a --base git does not know, a cluster upgrade cannot read) is a usage or
    /// environment problem (2); other errors are findings (1).
    /// </summary>
    public static int Diagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.IsError).ToList();
        if (errors.Exists(d => s_environmentCodes.Contains(d.Code)))
        {
            return ExitCodes.UsageOrEnvironment;
        }

        return errors.Count > 0 ? ExitCodes.ErrorsFound : ExitCodes.Success;
    }
}
