using HomeOps.Operations.Config;
using HomeOps.Operations.Platform;

namespace HomeOps.Cli.Commands;

/// <summary>`homeops bgp router-config`: the router side of the BGP peering.</summary>
internal static class BgpCommands
{
    public static Command Create(CliContext context)
    {
        var bgp = new Command("bgp", "The BGP peering between the nodes and the router");
        bgp.Subcommands.Add(RouterConfig(context));
        return bgp;
    }

    private static Command RouterConfig(CliContext context)
    {
        var (file, format) = (CommonOptions.ClusterFile(), CommonOptions.Format());
        var peer = new Option<string?>("--peer") { Description = "The BGP peer (router) to configure, by its name in cluster.yaml (needed when there are several routers)" };
        var output = new Option<string?>("--output", "-o") { Description = "Write the configuration to this file instead of standard output" };
        var command = new Command("router-config", "Print the FRR configuration of the router's side (UniFi UDM Pro): neighbors are the nodes, only the pools are accepted")
        { file, format, peer, output };
        command.SetAction(parse =>
        {
            var workspace = Workspace.Locate(context.Files, context.WorkingDirectory, parse.GetValue(file));
            var (text, diagnostics) = BgpRouterConfigService.Generate(ClusterConfigService.Load(workspace), parse.GetValue(peer));
            var outputFormat = parse.GetValue(format);
            if (text is null || diagnostics.Count > 0 || outputFormat != OutputFormat.Text)
            {
                DiagnosticPrinter.Print(context, workspace, outputFormat, diagnostics);
            }

            if (text is null)
            {
                return ExitCodeFor.Diagnostics(diagnostics);
            }

            if (parse.GetValue(output) is { } path)
            {
                var full = Path.GetFullPath(path, context.WorkingDirectory);
                context.Files.WriteAllTextAtomic(full, text);
                context.Error.WriteLine($"bgp router-config: wrote {workspace.Display(full)}");
            }
            else if (outputFormat == OutputFormat.Text)
            {
                context.Out.Write(text);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
