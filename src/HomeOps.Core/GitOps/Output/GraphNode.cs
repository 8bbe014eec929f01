namespace HomeOps.Core.GitOps.Output;

/// <summary>
/// A node of the dependency graph `homeops graph` draws: a Flux Kustomization or a HelmRelease today; the bootstrap
/// adds its steps as nodes of the same graph. <see cref="WaitsOn"/> are the explicit dependencies (dependsOn).
/// </summary>
public sealed record GraphNode(string Id, string Kind, string Name, IReadOnlyList<string> WaitsOn, string? AppliedBy);
