using HomeOps.Operations.Config;
using HomeOps.Operations.Platform;

namespace HomeOps.Cli.Commands;

/// <summary>`homeops render`: writes the files of the repository that are derived from cluster.yaml.</summary>
internal static class RenderCommand
{
    public static Command Create(CliContext context)
    {
        var (file, format) = (CommonOptions.ClusterFile(), CommonOptions.Format());
        var check = new Option<bool>("--check") { Description = "Do not write; exit 1 when a generated file is missing or out of date" };
        var command = new Command("render", "Write the files derived from cluster.yaml: cluster-settings, Flux sync, Cilium pools and BGP, the Longhorn Talos patch")
        { file, format, check };
        command.SetAction(parse =>
        {
            var workspace = Workspace.Locate(context.Files, context.WorkingDirectory, parse.GetValue(file));
            var plan = PlatformFilesService.Plan(workspace, ClusterConfigService.Load(workspace));
            var outputFormat = parse.GetValue(format);
            var checking = parse.GetValue(check);
            var diagnostics = checking ? [.. plan.Diagnostics, .. plan.Staleness()] : plan.Diagnostics;
            DiagnosticPrinter.Print(context, workspace, outputFormat, diagnostics);
            if (plan.HasErrors)
            {
                return ExitCodeFor.Diagnostics(diagnostics);
            }

            if (checking)
            {
                if (outputFormat == OutputFormat.Text)
                {
                    var stale = plan.Changed.Count();
                    context.Out.WriteLine(stale == 0
                        ? $"render: {plan.Files.Count} generated file(s) up to date"
                        : $"render: {stale} of {plan.Files.Count} generated file(s) out of date (run 'homeops render')");
                }

                return ExitCodeFor.Diagnostics(diagnostics);
            }

            var written = PlatformFilesService.Write(workspace, plan);
            if (outputFormat == OutputFormat.Text)
            {
                foreach (var rendered in plan.Files)
                {
                    var verb = written.Contains(rendered) ? "written" : "unchanged";
                    context.Out.WriteLine($"{rendered.DisplayPath}: {verb}");
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
