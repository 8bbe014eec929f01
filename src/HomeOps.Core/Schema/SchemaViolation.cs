namespace HomeOps.Core.Schema;

public enum ViolationKind
{
    UnknownField,
    WrongType,
    MissingRequired,
    NotAllowedValue,
}

/// <summary>One schema problem at a path of the object (mapping keys and sequence indexes).</summary>
public sealed record SchemaViolation(ViolationKind Kind, IReadOnlyList<object> Path, string Message);
