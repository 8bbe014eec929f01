namespace HomeOps.Tree.Tests.Tree;

/// <summary>What `kubectl kustomize` gave for one path, and what substitution found in it.</summary>
internal sealed record KustomizeBuild(
    string Path,
    string? Error,
    IReadOnlyList<TreeObject> Objects,
    IReadOnlySet<string> UsedVariables,
    IReadOnlySet<string> UndefinedVariables)
{
    public bool Succeeded => Error is null;
}
