namespace HomeOps.Cli;

/// <summary>Process exit codes, the same for every command.</summary>
public static class ExitCodes
{
    /// <summary>Nothing wrong (warnings allowed).</summary>
    public const int Success = 0;

    /// <summary>The input has errors.</summary>
    public const int ErrorsFound = 1;

    /// <summary>The command line was wrong, or the environment is (a missing tool, an unreadable folder).</summary>
    public const int UsageOrEnvironment = 2;
}
