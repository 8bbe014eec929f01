namespace HomeOps.Runtime.Processes;

/// <summary>What a finished program did. Output is already redacted of the spec's secrets.</summary>
public sealed record CommandResult(CommandSpec Spec, int ExitCode, string StandardOutput, string StandardError, TimeSpan Duration)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The last lines of standard error (or output), for a one-line failure message.</summary>
    public string ErrorSummary(int maxLines = 5)
    {
        var text = string.IsNullOrWhiteSpace(StandardError) ? StandardOutput : StandardError;
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(" | ", lines.TakeLast(maxLines));
    }
}
