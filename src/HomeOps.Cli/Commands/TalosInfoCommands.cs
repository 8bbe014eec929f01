using HomeOps.Core.Talos.Rendering;
using HomeOps.Core.Talos.Schematics;

namespace HomeOps.Cli.Commands;

/// <summary>`homeops talos schematic` and `homeops talos commands`: information derived from cluster.yaml alone.</summary>
internal static class TalosInfoCommands
{
    public static Command Schematic(CliContext context)
    {
        var (file, format, node) = (CommonOptions.ClusterFile(), CommonOptions.Format(), TalosOptions.Node());
        var command = new Command("schematic", "The Image Factory schematic of each node's extensions: its YAML, its ID (computed offline, as the factory does), the installer image and ISO URLs")
        {
            file, format, node,
        };
        command.SetAction(parse =>
        {
            if (TalosOptions.LoadConfig(context, parse.GetValue(file), parse.GetValue(format)) is not var (_, config))
            {
                return ExitCodes.ErrorsFound;
            }

            var nodes = config.Nodes.Where(n => parse.GetValue(node) is not { } only || n.Name == only).ToList();
            if (nodes.Count == 0)
            {
                context.Error.WriteLine($"homeops: no node named '{parse.GetValue(node)}' in cluster.yaml ({string.Join(", ", config.Nodes.Select(n => n.Name))})");
                return ExitCodes.UsageOrEnvironment;
            }

            var version = config.Cluster.TalosVersion;
            foreach (var group in nodes.GroupBy(n => new Schematic(n.Extensions ?? config.Talos.Extensions, []).Id))
            {
                var schematic = new Schematic(group.First().Extensions ?? config.Talos.Extensions, []);
                context.Out.WriteLine($"# nodes: {string.Join(", ", group.Select(n => n.Name))}");
                context.Out.Write(schematic.Yaml);
                context.Out.WriteLine($"# id:        {schematic.Id}");
                context.Out.WriteLine($"# installer: {schematic.InstallerImage(version)}");
                context.Out.WriteLine($"# iso:       {schematic.IsoUrl(version)}");
                context.Out.WriteLine($"# disk:      {schematic.DiskImageUrl(version)}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    public static Command Commands(CliContext context)
    {
        var (file, format, node, output) = (CommonOptions.ClusterFile(), CommonOptions.Format(), TalosOptions.Node(), TalosOptions.Output());
        var command = new Command("commands", "The talosctl commands that apply, bootstrap, upgrade and (safely) reset each node")
        {
            file, format, node, output,
        };
        command.SetAction(parse =>
        {
            if (TalosOptions.LoadConfig(context, parse.GetValue(file), parse.GetValue(format)) is not var (workspace, config))
            {
                return ExitCodes.ErrorsFound;
            }

            if (parse.GetValue(node) is { } only && config.Nodes.All(n => n.Name != only))
            {
                context.Error.WriteLine($"homeops: no node named '{only}' in cluster.yaml ({string.Join(", ", config.Nodes.Select(n => n.Name))})");
                return ExitCodes.UsageOrEnvironment;
            }

            var folder = workspace.Display(new Operations.Talos.TalosService(workspace, config).OutputPath(parse.GetValue(output)));
            context.Out.WriteLine($"export TALOSCONFIG={folder}/talosconfig");
            string? current = "";
            foreach (var command in TalosctlCommands.Build(config, folder, parse.GetValue(node)))
            {
                if (command.Node != current)
                {
                    current = command.Node;
                    var address = config.Nodes.FirstOrDefault(n => n.Name == current);
                    context.Out.WriteLine();
                    context.Out.WriteLine(current is null ? "# cluster" : $"# {current} ({address!.Address}, {(address.Role == Core.ClusterConfig.NodeRole.ControlPlane ? "controlplane" : "worker")})");
                }

                context.Out.WriteLine($"# {command.Purpose}");
                context.Out.WriteLine(command.CommandLine);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
