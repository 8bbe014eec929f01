namespace HomeOps.Operations.GitOps;

/// <summary>What `homeops diff` compares and how it prints.</summary>
public sealed record DiffOptions
{
    /// <summary>The git revision to compare the working tree with.</summary>
    public string Base { get; init; } = "HEAD";

    /// <summary>Render and compare only Kustomizations whose inputs (files, spec, variables) differ between the two sides.</summary>
    public bool ChangedOnly { get; init; }

    public ValidateOptions Render { get; init; } = new() { RenderOnly = true };
}
