using System.Text;
using HomeOps.Core.Graph;

namespace HomeOps.Core.GitOps.Output;

/// <summary>Writes the dependency graph as an indented text tree, Mermaid or Graphviz DOT, each node with its depth and what it waits on.</summary>
public static class GraphWriter
{
    /// <summary>
    /// An indented tree: each node under the dependency it becomes ready last after (its deepest one), so every node
    /// appears once, in the order Flux can reconcile them; the other dependencies are listed as "waits on".
    /// </summary>
    public static string Text(DependencyGraph<GraphNode> graph)
    {
        var depths = Depths(graph);
        var primary = graph.Names.ToDictionary(n => n, n => graph.DependenciesOf(n)
            .OrderBy(d => depths.TryGetValue(d, out var x) ? x : 0).ThenBy(d => d == graph[n].AppliedBy ? 0 : 1).LastOrDefault(), StringComparer.Ordinal);
        var sb = new StringBuilder();
        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in graph.Names.Where(n => primary[n] is null))
        {
            Walk(graph, root, primary, depths, sb, shown, prefix: string.Empty, last: true, top: true);
        }

        // Nodes on a cycle have no root to hang from.
        foreach (var rest in graph.Names.Where(n => !shown.Contains(n)))
        {
            Walk(graph, rest, primary, depths, sb, shown, prefix: string.Empty, last: true, top: true);
        }

        return sb.ToString();
    }

    public static string Mermaid(DependencyGraph<GraphNode> graph)
    {
        var depths = Depths(graph);
        var ids = graph.Names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => $"n{x.i}", StringComparer.Ordinal);
        var sb = new StringBuilder("flowchart LR\n");
        foreach (var name in graph.Names)
        {
            var node = graph[name];
            var shape = node.Kind == "HelmRelease" ? ("([", "])") : ("[", "]");
            sb.Append("  ").Append(ids[name]).Append(shape.Item1).Append('"').Append(Escape(Label(node, depths))).Append('"').Append(shape.Item2).Append('\n');
        }

        foreach (var name in graph.Names)
        {
            foreach (var dependency in graph.DependenciesOf(name))
            {
                var applied = graph[name].AppliedBy == dependency && !graph[name].WaitsOn.Contains(dependency);
                sb.Append("  ").Append(ids[dependency]).Append(applied ? " -.-> " : " --> ").Append(ids[name]).Append('\n');
            }
        }

        return sb.ToString();
    }

    public static string Dot(DependencyGraph<GraphNode> graph)
    {
        var depths = Depths(graph);
        var sb = new StringBuilder("digraph homeops {\n  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=10];\n");
        foreach (var name in graph.Names)
        {
            var node = graph[name];
            sb.Append("  \"").Append(Quote(name)).Append("\" [label=\"").Append(Quote(Label(node, depths)))
              .Append("\", shape=").Append(node.Kind == "HelmRelease" ? "ellipse" : "box").Append("];\n");
        }

        foreach (var name in graph.Names)
        {
            foreach (var dependency in graph.DependenciesOf(name))
            {
                var applied = graph[name].AppliedBy == dependency && !graph[name].WaitsOn.Contains(dependency);
                sb.Append("  \"").Append(Quote(dependency)).Append("\" -> \"").Append(Quote(name)).Append('"').Append(applied ? " [style=dashed]" : string.Empty).Append(";\n");
            }
        }

        return sb.Append("}\n").ToString();
    }

    private static void Walk(DependencyGraph<GraphNode> graph, string name, Dictionary<string, string?> primary, IReadOnlyDictionary<string, int> depths,
        StringBuilder sb, HashSet<string> shown, string prefix, bool last, bool top)
    {
        if (!shown.Add(name))
        {
            return;
        }

        var node = graph[name];
        sb.Append(prefix).Append(top ? string.Empty : last ? "└─ " : "├─ ").Append(Label(node, depths));
        if (node.WaitsOn.Count > 0)
        {
            sb.Append("  waits on: ").Append(string.Join(", ", node.WaitsOn.Select(Short)));
        }

        sb.Append('\n');
        var children = graph.DependentsOf(name).Where(c => primary[c] == name && !shown.Contains(c)).ToList();
        var childPrefix = top ? string.Empty : prefix + (last ? "   " : "│  ");
        for (var i = 0; i < children.Count; i++)
        {
            Walk(graph, children[i], primary, depths, sb, shown, childPrefix, i == children.Count - 1, top: false);
        }
    }

    private static string Label(GraphNode node, IReadOnlyDictionary<string, int> depths) =>
        $"{(node.Kind == "HelmRelease" ? "HelmRelease " : string.Empty)}{node.Name} [depth {(depths.TryGetValue(node.Id, out var d) ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?")}]";

    private static string Short(string id) => id.StartsWith("hr:", StringComparison.Ordinal) ? "HelmRelease " + id[3..] : id;

    /// <summary>Depths from the graph's levels; with a cycle (HO4002) the nodes on it have none.</summary>
    private static IReadOnlyDictionary<string, int> Depths(DependencyGraph<GraphNode> graph) =>
        graph.FindCycle() is null ? graph.Depths() : new Dictionary<string, int>(StringComparer.Ordinal);

    private static string Escape(string text) => text.Replace("\"", "#quot;", StringComparison.Ordinal);

    private static string Quote(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
