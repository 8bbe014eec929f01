namespace HomeOps.Core.GitOps.Schemas;

/// <summary>
/// One node of an OpenAPI schema, the common subset of Kubernetes' built-in definitions (OpenAPI v2) and CRD
/// structural schemas (OpenAPI v3) that strict validation needs. <see cref="Ref"/> names a built-in definition.
/// </summary>
public sealed class SchemaNode
{
    public string? Type { get; init; }

    public string? Format { get; init; }

    public string? Ref { get; init; }

    public IReadOnlyDictionary<string, SchemaNode>? Properties { get; init; }

    public IReadOnlyList<string> Required { get; init; } = [];

    public SchemaNode? Items { get; init; }

    /// <summary>The schema of a map's values; <see cref="AdditionalAllowed"/> says whether unknown keys are allowed at all.</summary>
    public SchemaNode? Additional { get; init; }

    public bool AdditionalAllowed { get; init; }

    public bool PreserveUnknown { get; init; }

    public bool IntOrString { get; init; }

    public IReadOnlyList<string>? Enum { get; init; }

    /// <summary>anyOf/oneOf/allOf alternatives: validation of this node's type is relaxed when present.</summary>
    public bool HasAlternatives { get; init; }

    /// <summary>Properties are listed and nothing else is allowed: unknown keys are errors.</summary>
    public bool IsClosed => Properties is not null && !AdditionalAllowed && !PreserveUnknown;
}
