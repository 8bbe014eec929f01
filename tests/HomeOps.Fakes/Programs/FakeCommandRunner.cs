using System.Collections.Concurrent;
using HomeOps.Runtime.Processes;

namespace HomeOps.Fakes.Programs;

/// <summary>
/// An <see cref="ICommandRunner"/> that runs fake programs in-process and records every call (as the user would
/// see it, secrets redacted). A program not registered, or <see cref="Missing"/>, is "not on PATH".
/// <see cref="BeforeRun"/> lets a test interrupt a run at any command (a killed process).
/// </summary>
public sealed class FakeCommandRunner(params IFakeProgram[] programs) : ICommandRunner
{
    private readonly Dictionary<string, IFakeProgram> _programs = programs.ToDictionary(p => p.Name, StringComparer.Ordinal);

    public ConcurrentQueue<string> Calls { get; } = new();

    public HashSet<string> Missing { get; } = new(StringComparer.Ordinal);

    /// <summary>Called with each command before it runs; throw to simulate the process dying there.</summary>
    public Action<CommandSpec>? BeforeRun { get; set; }

    /// <summary>Called with each command after it ran (its effects happened); throw to simulate dying right after.</summary>
    public Action<CommandSpec>? AfterRun { get; set; }

    /// <summary>
    /// Commands that hang: the program never answers, so the run ends as <see cref="ProcessCommandRunner"/> ends one
    /// that outlives <see cref="CommandSpec.Timeout"/> (killed, <see cref="CommandTimeoutException"/>). The fake does
    /// not wait the timeout out, and the hung command has no effect.
    /// </summary>
    public Func<CommandSpec, bool>? Hangs { get; set; }

    public Task<CommandResult> RunAsync(CommandSpec spec, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Missing.Contains(spec.Program) || !_programs.TryGetValue(spec.Program, out var program))
        {
            throw new ToolNotFoundException(spec.Program);
        }

        BeforeRun?.Invoke(spec);
        Calls.Enqueue(spec.Display());
        if (Hangs?.Invoke(spec) == true)
        {
            throw new CommandTimeoutException(spec);
        }

        // A cancelled run ends as ProcessCommandRunner's does: the process is killed and OperationCanceledException propagates.
        var result = program.Run(spec.Arguments, spec.StandardInput, cancellationToken);
        AfterRun?.Invoke(spec);
        return Task.FromResult(new CommandResult(spec, result.ExitCode,
            Redactor.Redact(result.StandardOutput, spec.Secrets), Redactor.Redact(result.StandardError, spec.Secrets), TimeSpan.Zero));
    }
}
