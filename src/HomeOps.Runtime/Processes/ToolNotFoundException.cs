namespace HomeOps.Runtime.Processes;

/// <summary>The program is not installed or not on PATH. Callers turn this into a diagnostic with an install hint.</summary>
public sealed class ToolNotFoundException(string program) : Exception($"'{program}' was not found on PATH")
{
    public string Program { get; } = program;
}
