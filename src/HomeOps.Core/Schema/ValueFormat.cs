namespace HomeOps.Core.Schema;

/// <summary>
/// A named string format: how to check a value, and how to describe it in the JSON Schema and docs.
/// <see cref="Check"/> returns null for a valid value, else a short reason.
/// </summary>
public sealed record ValueFormat(string Name, string Description, string? JsonPattern, Func<string, string?> Check);
