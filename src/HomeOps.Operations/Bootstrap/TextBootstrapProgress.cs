using HomeOps.Core.Diagnostics;

namespace HomeOps.Operations.Bootstrap;

/// <summary>
/// The bootstrap's progress as it happens: one line when a step starts, its commands and wait status indented
/// under it (each status only when it changes), and one line with the step's time when it ends. The CLI writes it to
/// the terminal; the MCP server's bootstrap_plan tool collects the dry run's plan with it.
/// </summary>
public sealed class TextBootstrapProgress(TextWriter output, bool dryRun) : IBootstrapProgress
{
    private int _number;

    public void StepStarted(string step, string description) =>
        output.WriteLine(dryRun ? $"{++_number,2}. {step}: {description}" : $"▶ {step}: {description}");

    public void StepSkipped(string step, string reason) => output.WriteLine($"  ↷ {step}: {reason}");

    public void StepFinished(string step, TimeSpan duration) => output.WriteLine($"  ✓ {step} ({Format(duration)})");

    public void StepFailed(string step, TimeSpan duration, IReadOnlyList<Diagnostic> diagnostics) =>
        output.WriteLine($"  ✗ {step} failed after {Format(duration)}");

    public void Detail(string step, string message) => output.WriteLine($"      {message}");

    public static string Format(TimeSpan duration) =>
        duration.TotalSeconds < 1 ? $"{duration.TotalMilliseconds:0} ms" : duration.TotalMinutes < 1 ? $"{duration.TotalSeconds:0.0} s" : $"{(int)duration.TotalMinutes} min {duration.Seconds} s";
}
