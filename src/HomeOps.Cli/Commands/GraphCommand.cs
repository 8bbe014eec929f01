using System.CommandLine;
using HomeOps.Cli.Rendering;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Diagnostics.Output;
using HomeOps.Core.GitOps.Output;
using HomeOps.Operations;
using HomeOps.Operations.GitOps;
using HomeOps.Runtime.Tools;

namespace HomeOps.Cli.Commands;

/// <summary>`homeops graph`: the dependency graph as a text tree, Mermaid, DOT or SVG.</summary>
internal static class GraphCommand
{
    public static Command Create(CliContext context)
    {
        var file = CommonOptions.ClusterFile();
        var path = CommonOptions.Path();
        var format = new Option<string>("--format") { Description = "text, mermaid, dot or svg (svg needs Graphviz)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "mermaid", "dot", "svg");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output" };
        var command = new Command("graph", "Draw the dependency graph of the GitOps tree: every Kustomization and HelmRelease with its depth and what it waits on")
        {
            file, path, format, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var workspace = Workspace.Locate(context.Files, context.WorkingDirectory, parse.GetValue(file));
            var (graph, diagnostics) = await new GraphService(context.Tools, context.Time)
                .RunAsync(workspace, new ValidateOptions { EntryPath = parse.GetValue(path) }, cancellationToken).ConfigureAwait(false);
            if (diagnostics.Count > 0)
            {
                context.Error.Write(TextDiagnosticWriter.Write(diagnostics));
            }

            if (graph is null)
            {
                return ExitCodeFor.Diagnostics(diagnostics);
            }

            string text;
            switch (parse.GetValue(format))
            {
                case "mermaid":
                    text = GraphWriter.Mermaid(graph);
                    break;
                case "dot":
                    text = GraphWriter.Dot(graph);
                    break;
                case "svg":
                    var dot = new GraphvizTool(context.Tools);
                    if (!dot.Available)
                    {
                        context.Error.Write(TextDiagnosticWriter.Write([DiagnosticCatalog.ToolNotFound.At(SourceSpan.File("dot"), "dot (Graphviz)", "to draw SVG")]));
                        return ExitCodes.UsageOrEnvironment;
                    }

                    var svg = await dot.RenderSvgAsync(GraphWriter.Dot(graph), cancellationToken).ConfigureAwait(false);
                    if (!svg.Succeeded)
                    {
                        context.Error.WriteLine($"homeops: dot failed: {svg.ErrorSummary()}");
                        return ExitCodes.UsageOrEnvironment;
                    }

                    text = svg.StandardOutput;
                    break;
                default:
                    text = GraphWriter.Text(graph);
                    break;
            }

            if (parse.GetValue(output) is { } target)
            {
                context.Files.WriteAllTextAtomic(System.IO.Path.GetFullPath(target, context.WorkingDirectory), text);
            }
            else
            {
                context.Out.Write(text);
            }

            return ExitCodeFor.Diagnostics(diagnostics);
        });
        return command;
    }
}
