using HomeOps.Runtime.Processes;

namespace HomeOps.Fakes.Programs;

/// <summary>A fake external program: answers a command line like the real one would, from its modelled state.</summary>
public interface IFakeProgram
{
    string Name { get; }

    /// <summary>What `PROGRAM --version` (or its equivalent) prints; tests change it to model an old install.</summary>
    string Version { get; set; }

    FakeResult Run(IReadOnlyList<string> arguments, string? standardInput);

    /// <summary>A run the caller can cancel (Ctrl-C kills the process): a program that waits overrides this.</summary>
    FakeResult Run(IReadOnlyList<string> arguments, string? standardInput, CancellationToken cancellationToken) => Run(arguments, standardInput);
}
