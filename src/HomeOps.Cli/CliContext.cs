using HomeOps.Runtime.Files;

namespace HomeOps.Cli;

/// <summary>Everything a command touches outside its arguments, so tests can run the CLI in-process.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, string WorkingDirectory, IFileSystem Files, TimeProvider Time)
{
    public static CliContext FromProcess() =>
        new(Console.Out, Console.Error, Environment.CurrentDirectory, PhysicalFileSystem.Instance, TimeProvider.System);
}
