using HomeOps.Operations.Tools;
using HomeOps.Runtime.Processes;

namespace HomeOps.Cli.Commands;

/// <summary>`homeops tools`: every external program the commands run, where it was found, its version against .mise.toml.</summary>
internal static class ToolsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("tools", "List the programs homeops runs (kubectl, helm 3, talosctl, op, git, flux): where each was found (PATH, mise shims, .tools/bin), its version against .mise.toml, and how to install what is missing. Exit 1: a needed program is missing or unusable");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var shims = ToolLocator.MiseShims(context.Environment("MISE_DATA_DIR"), context.Environment("XDG_DATA_HOME"), context.Environment("HOME"));
            var path = context.Environment("PATH");
            var miseToml = FindMiseToml(context);
            var reports = await ToolsService.InspectAsync(context.Tools, p => ToolLocator.Locate(p, path, shims, context.WorkingDirectory, context.Files), miseToml is null ? null : context.Files.ReadAllText(miseToml), cancellationToken).ConfigureAwait(false);

            var width = reports.Max(r => r.Tool.Program.Length);
            foreach (var report in reports)
            {
                var found = report.Location is { } l ? $"{l.Path} ({Describe(l.Source)})" : "not found";
                var version = report.Version?.ToString() ?? "-";
                var pinned = report.Pinned is null ? "not pinned" : $".mise.toml {report.Pinned}";
                var status = report.Problem is null ? "ok" : report.Problem.IsError ? "error" : "warning";
                context.Out.WriteLine($"{report.Tool.Program.PadRight(width)}  {status,-7}  {version,-8}  {pinned,-20}  {found}");
            }

            var problems = reports.Where(r => r.Problem is not null).ToList();
            foreach (var report in problems)
            {
                var d = report.Problem!;
                context.Out.WriteLine();
                context.Out.WriteLine($"{report.Tool.Program}: {(d.IsError ? "error" : "warning")} {d.Code}: {d.Message}");
                if (report.Location is not null)
                {
                    context.Out.WriteLine($"  needed for: {report.Tool.NeededFor}");
                }

                context.Out.WriteLine($"  hint: {d.Hint}");
            }

            var errors = problems.Count(r => r.Problem!.IsError);
            context.Out.WriteLine();
            context.Out.WriteLine($"tools: {reports.Count - problems.Count} of {reports.Count} ready, {errors} error(s), {problems.Count - errors} warning(s){(miseToml is null ? " (no .mise.toml found, versions not compared)" : string.Empty)}");
            return errors > 0 ? ExitCodes.ErrorsFound : ExitCodes.Success;
        });
        return command;
    }

    private static string Describe(ToolSource source) => source switch
    {
        ToolSource.Path => "PATH",
        ToolSource.MiseShims => "mise shims",
        ToolSource.RepositoryTools => ".tools/bin",
        _ => "given",
    };

    /// <summary>.mise.toml of the working directory or the nearest folder above it.</summary>
    private static string? FindMiseToml(CliContext context)
    {
        for (var folder = context.WorkingDirectory; !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
        {
            var candidate = Path.Combine(folder, ".mise.toml");
            if (context.Files.FileExists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
