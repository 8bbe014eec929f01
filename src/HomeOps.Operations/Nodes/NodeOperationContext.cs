using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Diagnostics;
using HomeOps.Operations.Bootstrap;
using HomeOps.Operations.Config;
using HomeOps.Runtime.Processes;

namespace HomeOps.Operations.Nodes;

/// <summary>What node-level safety commands (reset, rolling apply/upgrade) share: the cluster, its files, the runner.</summary>
public sealed record NodeOperationContext(ClusterDefinition Cluster, Workspace Workspace, BootstrapPaths Paths, ICommandRunner Runner, Action<string> Log)
{
    public SourceSpan Location => SourceSpan.File(Workspace.Display(Workspace.ClusterFile));

    /// <summary>Loads cluster.yaml and checks the talosconfig exists; diagnostics when either is missing.</summary>
    public static (NodeOperationContext? Context, IReadOnlyList<Diagnostic> Diagnostics) Load(Workspace workspace, ICommandRunner runner, Action<string> log)
    {
        var config = ClusterConfigService.Load(workspace);
        if (config.Config is null)
        {
            return (null, config.Diagnostics);
        }

        var paths = BootstrapPaths.For(workspace, config.Config.Cluster.Name);
        if (!workspace.Files.FileExists(paths.Talosconfig))
        {
            return (null, [DiagnosticCatalog.FileNotFound.At(SourceSpan.File(workspace.Display(paths.Talosconfig)), workspace.Display(paths.Talosconfig))
                with { Hint = "The talosconfig is written by 'homeops bootstrap' (step talos-configs); run it, or '--only talos-configs'" }]);
        }

        return (new NodeOperationContext(config.Config, workspace, paths, runner, log), []);
    }

    /// <summary>The nodes named (all when none), or a diagnostic naming an unknown one.</summary>
    public (IReadOnlyList<NodeSettings> Nodes, Diagnostic? Error) Select(IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return (Cluster.Nodes, null);
        }

        var unknown = names.FirstOrDefault(n => Cluster.Nodes.All(node => node.Name != n));
        return unknown is not null
            ? ([], DiagnosticCatalog.UnknownNode.At(Location, unknown, string.Join(", ", Cluster.Nodes.Select(n => n.Name))))
            : ([.. Cluster.Nodes.Where(n => names.Contains(n.Name))], null);
    }

    public Task<CommandResult> RunAsync(CommandSpec spec, CancellationToken cancellationToken) =>
        new WorkflowRunner(Runner, Log, () => Location, () => "to manage Talos nodes").RunAsync(spec, cancellationToken);
}
