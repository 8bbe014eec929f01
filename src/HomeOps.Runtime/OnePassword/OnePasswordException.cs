using HomeOps.Runtime.Processes;

namespace HomeOps.Runtime.OnePassword;

/// <summary>Why `op` refused, where the caller must act differently (a missing item is not an exception: it is null).</summary>
public enum OnePasswordFailure
{
    /// <summary>Signed out, no network, permission denied, ...: <see cref="Exception.Message"/> says which.</summary>
    Other,

    /// <summary>The account has no vault of that name (a typo, another account, or a service account not granted it).</summary>
    VaultNotFound,

    /// <summary>Several items share the title (op 2.x allows that); only an ID picks one.</summary>
    AmbiguousItem,
}

/// <summary>`op` failed for a reason other than a missing item (not signed in, unknown vault, ...).</summary>
public sealed class OnePasswordException(string message, CommandResult? result = null, OnePasswordFailure kind = OnePasswordFailure.Other) : Exception(message)
{
    public CommandResult? Result { get; } = result;

    public OnePasswordFailure Kind { get; } = kind;

    /// <summary>For <see cref="OnePasswordFailure.AmbiguousItem"/>: the IDs op lists ("* for the item "X" in vault V: ID").</summary>
    public IReadOnlyList<string> CandidateIds => Result is null ? [] :
        [.. Result.StandardError.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("* for the item ", StringComparison.Ordinal) && l.LastIndexOf(": ", StringComparison.Ordinal) > 0)
            .Select(l => l[(l.LastIndexOf(": ", StringComparison.Ordinal) + 2)..])];
}
