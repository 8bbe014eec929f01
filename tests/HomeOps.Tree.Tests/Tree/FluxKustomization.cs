using HomeOps.Core.Yaml;

namespace HomeOps.Tree.Tests.Tree;

/// <summary>A Flux Kustomization of the tree and the result of building its path.</summary>
internal sealed record FluxKustomization(string Name, string Path, YamlMapping Node, KustomizeBuild Build)
{
    public IReadOnlyList<string> DependsOn => [.. Node.Items("spec", "dependsOn").Select(d => d.Text("name") ?? string.Empty)];

    public bool Wait => Node.Text("spec", "wait") == "true";

    public IReadOnlyList<YamlNode> HealthChecks => Node.Items("spec", "healthChecks");

    public bool SubstitutesClusterSettings => Node.Items("spec", "postBuild", "substituteFrom")
        .Any(s => s.Text("kind") == "ConfigMap" && s.Text("name") == "cluster-settings");

    public bool HasPostBuild => Node.At("spec", "postBuild") is not null;

    public override string ToString() => Name;
}
