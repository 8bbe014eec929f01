using HomeOps.Operations.Nodes;

namespace HomeOps.Cli.Commands;

/// <summary>`homeops talos apply`, `upgrade` and `reboot`: rolling, one node at a time, health between nodes.</summary>
internal static class TalosNodeCommands
{
    public static void AddTo(Command talos, CliContext context)
    {
        talos.Subcommands.Add(Rollout(context, NodeRollout.Action.Apply, "apply", "Apply each node's rendered machine config, one node at a time, waiting for health in between"));
        talos.Subcommands.Add(Rollout(context, NodeRollout.Action.Upgrade, "upgrade", "Upgrade Talos on each node to an installer image, one node at a time, waiting for health in between"));
        talos.Subcommands.Add(Rollout(context, NodeRollout.Action.Reboot, "reboot", "Reboot each node, one at a time, waiting for health in between"));
    }

    private static Command Rollout(CliContext context, NodeRollout.Action kind, string name, string description)
    {
        var file = CommonOptions.ClusterFile();
        var nodes = new Option<string[]>("--node") { Description = "A node to change (repeat for several; default: every node, in cluster.yaml order)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the talosctl commands; change nothing" };
        var timeout = CommonOptions.Minutes("--health-timeout", "Minutes to wait for each node to be healthy", 10);
        var image = new Option<string>("--image") { Description = "The installer image, e.g. factory.talos.dev/installer/<schematic>:v1.10.5 (keep your extensions)", Required = true };
        var command = new Command(name, description) { file, nodes, dryRun, timeout };
        if (kind == NodeRollout.Action.Upgrade)
        {
            command.Options.Add(image);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var workspace = Workspace.Locate(context.Files, context.WorkingDirectory, parse.GetValue(file));
            var (operation, problems) = NodeOperationContext.Load(workspace, context.Commands, line => context.Out.WriteLine("  " + line));
            if (operation is null)
            {
                DiagnosticPrinter.Print(context, workspace, OutputFormat.Text, problems);
                return ExitCodeFor.Diagnostics(problems);
            }

            var request = new NodeRollout.Request(kind, parse.GetValue(nodes) ?? [], kind == NodeRollout.Action.Upgrade ? parse.GetValue(image) : null,
                TimeSpan.FromMinutes(parse.GetValue(timeout)), parse.GetValue(dryRun));
            var diagnostics = await NodeRollout.RunAsync(operation, request, cancellationToken).ConfigureAwait(false);
            DiagnosticPrinter.Print(context, workspace, OutputFormat.Text, diagnostics);
            return ExitCodeFor.Diagnostics(diagnostics);
        });
        return command;
    }
}
