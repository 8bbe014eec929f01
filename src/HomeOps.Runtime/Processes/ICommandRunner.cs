namespace HomeOps.Runtime.Processes;

/// <summary>Runs external programs. The real one starts processes; tests substitute fakes or fake programs.</summary>
public interface ICommandRunner
{
    /// <summary>
    /// Runs the command to completion and returns its result whatever the exit code.
    /// Throws <see cref="ToolNotFoundException"/> when the program cannot be found, and
    /// <see cref="CommandTimeoutException"/> when it runs longer than <see cref="CommandSpec.Timeout"/>.
    /// </summary>
    Task<CommandResult> RunAsync(CommandSpec spec, CancellationToken cancellationToken);
}
