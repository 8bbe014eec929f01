using System.Globalization;
using HomeOps.Core.Diagnostics;

namespace HomeOps.Runtime.Processes;

/// <summary>
/// Why a program gave no result: it is not installed (<see cref="ToolNotFoundException"/>) or it was stopped at its
/// timeout (<see cref="CommandTimeoutException"/>). <see cref="From"/> is the one place that tells both from other
/// exceptions; callers say what the problem means to them (a diagnostic, a status line, a failed result).
/// </summary>
/// <param name="Spec">The command as the runner reported it (the one that timed out, or the one whose program is missing).</param>
/// <param name="Program">The program that was not found; null for a timeout.</param>
public sealed record CommandProblem(CommandSpec Spec, string? Program)
{
    public bool NotInstalled => Program is not null;

    /// <summary>The one-line reason, for a status line or a failed result: which program is missing, or how long it had.</summary>
    public string Message => Program is not null
        ? $"{Program} is not installed (run 'mise install'; 'homeops tools' shows what is missing)"
        : string.Create(CultureInfo.InvariantCulture, $"no answer within {Spec.Timeout.TotalSeconds:0}s");

    /// <summary>
    /// The problem <paramref name="exception"/> reports: a missing program (run as <paramref name="spec"/> when the
    /// caller knows it, else as the bare program) or a timeout; null for any other exception.
    /// </summary>
    public static CommandProblem? From(Exception exception, CommandSpec? spec = null) => exception switch
    {
        ToolNotFoundException e => new CommandProblem(spec ?? new CommandSpec(e.Program, []), e.Program),
        CommandTimeoutException e => new CommandProblem(e.Spec, null),
        _ => null,
    };

    /// <summary>
    /// The problem as a diagnostic at <paramref name="location"/>: the program is not installed (with
    /// <paramref name="purpose"/>, why it is needed: "to manage Talos nodes"), or the command timed out.
    /// </summary>
    public Diagnostic ToDiagnostic(SourceSpan location, string purpose) => Program is { } program
        ? DiagnosticCatalog.ToolNotFound.At(location, program, purpose)
        : DiagnosticCatalog.ToolTimedOut.At(location, Spec.Display(), (int)Spec.Timeout.TotalSeconds);

    /// <summary>Runs <paramref name="spec"/>; a missing program or a timeout comes back as the problem instead of thrown.</summary>
    public static async Task<(CommandResult? Result, CommandProblem? Problem)> TryRunAsync(ICommandRunner runner, CommandSpec spec, CancellationToken cancellationToken)
    {
        try
        {
            return (await runner.RunAsync(spec, cancellationToken).ConfigureAwait(false), null);
        }
        catch (Exception e) when (From(e, spec) is { } problem)
        {
            return (null, problem);
        }
    }

    /// <summary>
    /// Runs <paramref name="spec"/>; a missing program or a timeout comes back as a failed result (exit -1) with
    /// <see cref="Message"/> as its standard error, for callers that judge every answer by its result.
    /// </summary>
    public static async Task<CommandResult> RunOrFailAsync(ICommandRunner runner, CommandSpec spec, CancellationToken cancellationToken)
    {
        var (result, problem) = await TryRunAsync(runner, spec, cancellationToken).ConfigureAwait(false);
        return result ?? new CommandResult(spec, -1, string.Empty, problem!.Message, TimeSpan.Zero);
    }
}
