namespace HomeOps.Core.GitOps.Build;

/// <summary>
/// What one Flux Kustomization's build reads. <see cref="Files"/> is every file kustomize will load (for the content
/// hash, change detection and the unreferenced-file rule); <see cref="GeneratedResources"/> is the resource list
/// Flux generates when the path has no kustomization file (null when it has one).
/// </summary>
public sealed record BuildInputs(
    string Path,
    IReadOnlyList<string> Files,
    IReadOnlyList<string>? GeneratedResources,
    IReadOnlyList<string> RemoteResources)
{
    /// <summary>The `namespace:` of the path's own kustomization file, if it sets one.</summary>
    public string? Namespace { get; init; }

    /// <summary>
    /// The folders of the Flux Kustomization's spec.components (repository-relative) that Flux adds to the build:
    /// all of them, less those missing when spec.ignoreMissingComponents is true (fluxcd/pkg kustomize_generator.go).
    /// </summary>
    public IReadOnlyList<string> Components { get; init; } = [];
}
