using System.Diagnostics;
using CliWrap;
using CliWrap.Buffered;

namespace HomeOps.Runtime.Processes;

/// <summary>Runs real processes through CliWrap: output captured, exit code returned, cancellation kills the process.</summary>
public sealed class ProcessCommandRunner : ICommandRunner
{
    public static readonly ProcessCommandRunner Instance = new();

    public async Task<CommandResult> RunAsync(CommandSpec spec, CancellationToken cancellationToken)
    {
        var program = ToolLocator.Find(spec.Program) ?? throw new ToolNotFoundException(spec.Program);
        var command = Cli.Wrap(program)
            .WithArguments(spec.Arguments)
            .WithValidation(CommandResultValidation.None)
            .WithEnvironmentVariables(spec.Environment.ToDictionary(kv => kv.Key, kv => kv.Value));
        if (spec.WorkingDirectory is not null)
        {
            command = command.WithWorkingDirectory(spec.WorkingDirectory);
        }

        if (spec.StandardInput is not null)
        {
            command = command.WithStandardInputPipe(PipeSource.FromString(spec.StandardInput));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(spec.Timeout);
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var result = await command.ExecuteBufferedAsync(timeout.Token).ConfigureAwait(false);
            return new CommandResult(
                spec,
                result.ExitCode,
                Redactor.Redact(result.StandardOutput, spec.Secrets),
                Redactor.Redact(result.StandardError, spec.Secrets),
                stopwatch.Elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CommandTimeoutException(spec);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new ToolNotFoundException(spec.Program);
        }
    }
}
