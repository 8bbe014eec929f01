using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Output;
using HomeOps.Core.GitOps.Rules;
using HomeOps.Core.Schema;
using HomeOps.Core.Graph;
using HomeOps.Runtime.Processes;
using HomeOps.Runtime.Tools;

namespace HomeOps.Operations.GitOps;

/// <summary>`homeops graph`: the tree's dependency graph (Kustomizations and HelmReleases), built without rendering charts.</summary>
public sealed class GraphService(ICommandRunner runner, TimeProvider time)
{
    public async Task<(DependencyGraph<GraphNode>? Graph, IReadOnlyList<Diagnostic> Diagnostics)> RunAsync(Workspace workspace, ValidateOptions options, CancellationToken cancellationToken)
    {
        var rendered = await new ValidateService(runner, time)
            .RenderAsync(workspace, options with { RenderOnly = true, Offline = true }, _ => false, cancellationToken).ConfigureAwait(false);
        var diagnostics = rendered.Diagnostics.Where(d => d.IsError).ToList();
        if (rendered.Tree is not { } tree)
        {
            return (null, diagnostics);
        }

        // The graph rules matter here: a cycle or a missing dependency changes what the picture means.
        var context = new RuleContext(tree, new SchemaRegistry(rendered.Builtin), rendered.Cluster, rendered.Settings, []);
        diagnostics.AddRange(new DependencyRules().Check(context));
        var shown = diagnostics.Select(d => d with { Location = d.Location with { Path = ValidateService.Display(workspace, d.Location.Path) } });
        return (TreeGraph.Build(tree), DiagnosticBag.Sort(shown));
    }

    /// <summary>
    /// The graph as text, mermaid, dot or svg (drawn by Graphviz's dot, through the runner). For svg, a missing dot
    /// is <see cref="GraphDrawing.ToolMissing"/> and a failing one <see cref="GraphDrawing.ToolError"/>.
    /// </summary>
    public async Task<GraphDrawing> DrawAsync(DependencyGraph<GraphNode> graph, string format, CancellationToken cancellationToken)
    {
        switch (format)
        {
            case "mermaid":
                return new GraphDrawing(GraphWriter.Mermaid(graph));
            case "dot":
                return new GraphDrawing(GraphWriter.Dot(graph));
            case "svg":
                var dot = new GraphvizTool(runner);
                if (!dot.Available)
                {
                    return new GraphDrawing(null) { ToolMissing = DiagnosticCatalog.ToolNotFound.At(SourceSpan.File("dot"), "dot (Graphviz)", "to draw SVG") };
                }

                var svg = await dot.DrawSvgAsync(GraphWriter.Dot(graph), cancellationToken).ConfigureAwait(false);
                return svg.Succeeded ? new GraphDrawing(svg.StandardOutput) : new GraphDrawing(null) { ToolError = svg.ErrorSummary() };
            default:
                return new GraphDrawing(GraphWriter.Text(graph));
        }
    }
}
