using HomeOps.Runtime.Processes;

namespace HomeOps.Runtime.OnePassword;

/// <summary>`op` failed for a reason other than a missing item (not signed in, unknown vault, ...).</summary>
public sealed class OnePasswordException(string message, CommandResult? result = null) : Exception(message)
{
    public CommandResult? Result { get; } = result;
}
