using HomeOps.Operations.GitOps;

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
            var service = new GraphService(context.Tools, context.Time);
            var (graph, diagnostics) = await service.RunAsync(workspace, new ValidateOptions { EntryPath = parse.GetValue(path) }, cancellationToken).ConfigureAwait(false);
            if (diagnostics.Count > 0)
            {
                context.Error.Write(TextDiagnosticWriter.Write(diagnostics));
            }

            if (graph is null)
            {
                return ExitCodeFor.Diagnostics(diagnostics);
            }

            var drawing = await service.DrawAsync(graph, parse.GetValue(format)!, cancellationToken).ConfigureAwait(false);
            if (drawing.ToolMissing is { } missing)
            {
                context.Error.Write(TextDiagnosticWriter.Write([missing]));
                return ExitCodes.UsageOrEnvironment;
            }

            if (drawing.Text is not { } text)
            {
                context.Error.WriteLine($"homeops: dot failed: {drawing.ToolError}");
                return ExitCodes.UsageOrEnvironment;
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
