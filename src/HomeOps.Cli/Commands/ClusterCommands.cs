using HomeOps.Operations.Nodes;

namespace HomeOps.Cli.Commands;

/// <summary>`homeops cluster reset`: the one safe reset (STATE and EPHEMERAL only), confirmed by typing the cluster name.</summary>
internal static class ClusterCommands
{
    public static Command Create(CliContext context)
    {
        var cluster = new Command("cluster", "Whole-cluster operations");
        cluster.Subcommands.Add(Reset(context));
        return cluster;
    }

    private static Command Reset(CliContext context)
    {
        var file = CommonOptions.ClusterFile();
        var nodes = new Option<string[]>("--node") { Description = "A node to reset (repeat for several; default: every node)", AllowMultipleArgumentsPerToken = false };
        var all = new Option<bool>("--all") { Description = "Reset every node, accepting that etcd and the whole cluster are lost (a rebuild follows)" };
        var confirm = new Option<string?>("--confirm") { Description = "The cluster name, to confirm without a prompt (for scripts)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the talosctl commands; reset nothing" };
        var command = new Command("reset", "Wipe the STATE and EPHEMERAL partitions of nodes (they reboot into maintenance mode; the OS stays)")
        {
            file, nodes, all, confirm, dryRun,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var workspace = Workspace.Locate(context.Files, context.WorkingDirectory, parse.GetValue(file));
            var (operation, problems) = NodeOperationContext.Load(workspace, context.Commands, line => context.Out.WriteLine("  " + line));
            if (operation is null)
            {
                DiagnosticPrinter.Print(context, workspace, OutputFormat.Text, problems);
                return ExitCodeFor.Diagnostics(problems);
            }

            var request = new ClusterReset.Request(parse.GetValue(nodes) ?? [], parse.GetValue(all), parse.GetValue(confirm), parse.GetValue(dryRun));
            var (targets, refusal) = ClusterReset.Plan(operation, request);
            if (refusal is null && !request.DryRun && request.TypedName is null)
            {
                var name = operation.Cluster.Cluster.Name;
                context.Out.WriteLine($"This wipes STATE and EPHEMERAL on {string.Join(", ", targets.Select(n => n.Name))}: their machine config, etcd data and local volumes are lost.");
                context.Out.Write($"Type the cluster name ({name}) to continue: ");
                request = request with { TypedName = await context.In.ReadLineAsync(cancellationToken).ConfigureAwait(false) ?? string.Empty };
            }

            var diagnostics = await ClusterReset.RunAsync(operation, request, cancellationToken).ConfigureAwait(false);
            DiagnosticPrinter.Print(context, workspace, OutputFormat.Text, diagnostics);
            return ExitCodeFor.Diagnostics(diagnostics);
        });
        return command;
    }
}
