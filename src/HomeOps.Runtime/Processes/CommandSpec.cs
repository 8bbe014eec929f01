namespace HomeOps.Runtime.Processes;

/// <summary>
/// One run of an external program, fully described before it starts (so argument building is unit-testable).
/// <see cref="Secrets"/> lists values that must never appear in logs or error messages.
/// </summary>
public sealed record CommandSpec(string Program, IReadOnlyList<string> Arguments)
{
    public string? WorkingDirectory { get; init; }

    /// <summary>Extra environment variables; a null value removes the variable.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Text written to the program's standard input (then closed).</summary>
    public string? StandardInput { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    public IReadOnlyList<string> Secrets { get; init; } = [];

    /// <summary>The command line as a user could type it, with secrets replaced by ***.</summary>
    public string Display() =>
        Redactor.Redact(string.Join(' ', new[] { Program }.Concat(Arguments).Select(Quote)), Secrets);

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,@%+".Contains(c, StringComparison.Ordinal))
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
