using HomeOps.Core.GitOps.Flux;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Graph;

namespace HomeOps.Core.GitOps.Output;

/// <summary>
/// The tree as one <see cref="DependencyGraph{T}"/>: Kustomizations (edges: dependsOn, and the Kustomization that
/// applies them) and HelmReleases (edges: their Kustomization and their dependsOn). Unknown targets are left out
/// (HO4001 reports them).
/// </summary>
public static class TreeGraph
{
    public static DependencyGraph<GraphNode> Build(GitOpsTree tree)
    {
        var graph = new DependencyGraph<GraphNode>();
        foreach (var k in tree.Kustomizations)
        {
            var waits = k.Spec.DependsOn.Select(d => FluxKustomization.IdOf(d.Namespace, d.Name)).ToList();
            graph.Add(k.Id, new GraphNode(k.Id, "Kustomization", k.Id, waits, k.Parent));
        }

        foreach (var k in tree.Kustomizations)
        {
            foreach (var r in k.Releases)
            {
                var id = "hr:" + r.Spec.Id;
                graph.Add(id, new GraphNode(id, "HelmRelease", r.Spec.Id, [.. r.Spec.DependsOn.Select(d => "hr:" + d.Namespace + "/" + d.Name)], k.Id));
            }
        }

        foreach (var name in graph.Names.ToList())
        {
            var node = graph[name];
            foreach (var target in node.WaitsOn.Append(node.AppliedBy).OfType<string>().Where(t => graph.Contains(t) && t != name))
            {
                graph.AddDependency(name, target);
            }
        }

        return graph;
    }
}
