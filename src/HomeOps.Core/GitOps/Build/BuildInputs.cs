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
    IReadOnlyList<string> RemoteResources);
