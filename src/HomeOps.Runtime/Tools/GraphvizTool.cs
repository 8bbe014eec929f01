using HomeOps.Runtime.Processes;

namespace HomeOps.Runtime.Tools;

/// <summary>Graphviz <c>dot</c>, to turn a DOT graph into SVG when it is installed.</summary>
public sealed class GraphvizTool(ICommandRunner runner, string? pathVariable = null)
{
    public bool Available => ToolLocator.Find("dot", pathVariable) is not null;

    public static CommandSpec SvgSpec(string dot) => new("dot", ["-Tsvg"]) { StandardInput = dot, Timeout = TimeSpan.FromMinutes(1) };

    public Task<CommandResult> DrawSvgAsync(string dot, CancellationToken cancellationToken) => runner.RunAsync(SvgSpec(dot), cancellationToken);
}
