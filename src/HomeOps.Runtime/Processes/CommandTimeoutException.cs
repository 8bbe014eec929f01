namespace HomeOps.Runtime.Processes;

/// <summary>The program ran longer than its spec allows and was killed.</summary>
public sealed class CommandTimeoutException(CommandSpec spec)
    : Exception($"'{spec.Display()}' did not finish within {spec.Timeout.TotalSeconds:0} s and was stopped")
{
    public CommandSpec Spec { get; } = spec;
}
