using HomeOps.Core.Yaml;

namespace HomeOps.Tree.Tests.Tree;

/// <summary>One Kubernetes object a Flux Kustomization applies, as `kubectl kustomize` built it (after substitution).</summary>
internal sealed record TreeObject(string Kustomization, YamlMapping Node)
{
    public string ApiVersion => Node.Text("apiVersion") ?? string.Empty;

    public string Group => ApiVersion.Contains('/', StringComparison.Ordinal) ? ApiVersion[..ApiVersion.IndexOf('/', StringComparison.Ordinal)] : string.Empty;

    public string Kind => Node.Text("kind") ?? string.Empty;

    public string Name => Node.Text("metadata", "name") ?? string.Empty;

    public string? Namespace => Node.Text("metadata", "namespace");

    public string Id => $"{Kind}/{(Namespace is null ? string.Empty : Namespace + "/")}{Name}";

    public override string ToString() => $"{Id} (Kustomization {Kustomization})";
}
