using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Build;
using HomeOps.Core.Graph;

namespace HomeOps.Core.GitOps.Model;

/// <summary>The whole tree Flux reconciles, as built: every Kustomization, its objects, and the dependency graph.</summary>
public sealed class GitOpsTree(string entryPath, SourceIndex sources, SourceIgnore ignore)
{
    public string EntryPath { get; } = entryPath;

    public SourceIndex Sources { get; } = sources;

    public SourceIgnore Ignore { get; } = ignore;

    public List<KustomizationNode> Kustomizations { get; } = [];

    /// <summary>Problems found while building (kustomize failures, substitution errors, ...).</summary>
    public DiagnosticBag BuildDiagnostics { get; } = new();

    public KustomizationNode? Root => Kustomizations.Count > 0 ? Kustomizations[0] : null;

    public KustomizationNode? Find(string id) => Kustomizations.Find(k => k.Id == id);

    public IEnumerable<KubeObject> AllObjects => Kustomizations.SelectMany(k => k.AllObjects);

    /// <summary>dependsOn as a graph (edges to Kustomizations that exist; unknown targets are a separate rule).</summary>
    public DependencyGraph<KustomizationNode> Graph()
    {
        var graph = new DependencyGraph<KustomizationNode>();
        foreach (var k in Kustomizations)
        {
            graph.Add(k.Id, k);
        }

        foreach (var k in Kustomizations)
        {
            foreach (var d in k.Spec.DependsOn)
            {
                var id = Flux.FluxKustomization.IdOf(d.Namespace, d.Name);
                if (graph.Contains(id) && id != k.Id)
                {
                    graph.AddDependency(k.Id, id);
                }
            }
        }

        return graph;
    }
}
