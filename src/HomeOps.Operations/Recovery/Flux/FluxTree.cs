using System.Text.Json.Nodes;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.GitOps.Output;
using HomeOps.Operations.Bootstrap.Tree;

namespace HomeOps.Operations.Recovery.Flux;

/// <summary>
/// The tree's Flux Kustomizations in the order `homeops graph` prints them: grouped by depth, where a Kustomization's
/// depth is one more than the deepest of its dependsOn and of the Kustomization that applies it. Resuming depth by
/// depth, each Ready before the next, is what Flux needs: `flux resume --all` resumes in alphabetical order, so a
/// Kustomization comes back before what it depends on (fluxcd/flux2#2379).
/// </summary>
public sealed class FluxTree
{
    private FluxTree(BootstrapTree tree, IReadOnlyList<IReadOnlyList<FluxRef>> levels)
    {
        Tree = tree;
        Levels = levels;
    }

    public BootstrapTree Tree { get; }

    /// <summary>Kustomizations by depth (the root first), each level in name order.</summary>
    public IReadOnlyList<IReadOnlyList<FluxRef>> Levels { get; }

    public IEnumerable<FluxRef> All => Levels.SelectMany(l => l);

    public static async Task<(FluxTree? Tree, IReadOnlyList<Diagnostic> Diagnostics)> LoadAsync(RecoveryWorkflow.Inputs inputs, CancellationToken cancellationToken)
    {
        var (tree, diagnostics) = await BootstrapTree.LoadAsync(inputs.Workspace, inputs.Environment.CheckRunner, inputs.Environment.Time, cancellationToken).ConfigureAwait(false);
        return tree is null ? (null, diagnostics) : (From(tree), diagnostics);
    }

    public static FluxTree From(BootstrapTree tree)
    {
        var graph = TreeGraph.Build(tree.Tree);
        var levels = graph.Levels()
            .Select(level => (IReadOnlyList<FluxRef>)[.. level
                .Where(id => graph[id].Kind == "Kustomization")
                .Select(id => tree.Tree.Find(id)!.Spec)
                .Select(k => new FluxRef(k.Namespace, k.Name, k.Object))
                .OrderBy(r => r.Name, StringComparer.Ordinal)])
            .Where(level => level.Count > 0)
            .ToList();
        return new FluxTree(tree, levels);
    }

    /// <summary>The depth of a Kustomization, or -1 when the tree has none of that name.</summary>
    public int DepthOf(string name)
    {
        for (var i = 0; i < Levels.Count; i++)
        {
            if (Levels[i].Any(r => r.Name == name || r.Id == name))
            {
                return i;
            }
        }

        return -1;
    }

    public FluxRef? Find(string name) => All.FirstOrDefault(r => r.Name == name || r.Id == name);

    /// <summary>Everything that depends on <paramref name="name"/>, directly or through others (dependsOn and the applying parent).</summary>
    public IReadOnlySet<string> DependentsOf(string name)
    {
        var graph = TreeGraph.Build(Tree.Tree);
        var id = Find(name)?.Id;
        return id is null ? new HashSet<string>() : graph.Names.Where(n => graph[n].Kind == "Kustomization" && graph.Ancestors(n).Contains(id)).ToHashSet(StringComparer.Ordinal);
    }
}

/// <summary>One Flux Kustomization of the tree.</summary>
public sealed record FluxRef(string Namespace, string Name, KubeObject Object)
{
    public string Id => $"{Namespace}/{Name}";

    /// <summary>The object as the API server receives it.</summary>
    public JsonObject ToJson() => BootstrapTree.ToJson(Object);

    public override string ToString() => Name;
}
