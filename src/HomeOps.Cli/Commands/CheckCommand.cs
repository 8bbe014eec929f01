using HomeOps.Operations.Checks;
using HomeOps.Operations.GitOps;

namespace HomeOps.Cli.Commands;

/// <summary>`homeops check`: every offline check, as a pre-commit hook or CI step would run it.</summary>
internal static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var (file, format) = (CommonOptions.ClusterFile(), CommonOptions.Format());
        var offline = CommonOptions.Offline();
        var mirror = CommonOptions.ChartMirror();
        var command = new Command("check", "Run every offline check on the repository: cluster.yaml and the GitOps tree (homeops validate)")
        { file, format, offline, mirror };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var workspace = Workspace.Locate(context.Files, context.WorkingDirectory, parse.GetValue(file));
            var outputFormat = parse.GetValue(format);
            var text = outputFormat == OutputFormat.Text;
            var checks = OfflineChecks.Default(context.Tools, context.Time, new ValidateOptions { Offline = parse.GetValue(offline), ChartMirror = CommonOptions.ChartMirrorValue(parse, mirror, context.WorkingDirectory), ResultCache = true });
            var outcomes = await checks.RunAsync(workspace, outcome =>
            {
                if (text)
                {
                    Report(context, workspace, outcome);
                }
            }, cancellationToken).ConfigureAwait(false);

            var all = outcomes.SelectMany(o => o.Diagnostics).ToList();
            if (!text)
            {
                DiagnosticPrinter.Print(context, workspace, outputFormat, all);
            }
            else
            {
                var skipped = outcomes.Count(o => o.Skipped is not null);
                context.Out.WriteLine($"check: {outcomes.Count} check(s){(skipped > 0 ? $" ({skipped} skipped)" : string.Empty)}, {TextDiagnosticWriter.Summary(all)}");
            }

            return ExitCodeFor.Diagnostics(all);
        });
        return command;
    }

    /// <summary>One check's diagnostics and its line, as `homeops check` prints them (init prints its checks the same way).</summary>
    public static void Report(CliContext context, Workspace workspace, CheckOutcome outcome)
    {
        DiagnosticPrinter.Print(context, workspace, OutputFormat.Text, outcome.Diagnostics);
        context.Out.WriteLine(Describe(outcome));
    }

    private static string Describe(CheckOutcome outcome)
    {
        if (outcome.Skipped is not null)
        {
            return $"  skip  {outcome.Name}: {outcome.Skipped}";
        }

        var mark = outcome.HasErrors ? "FAIL" : "ok  ";
        var detail = outcome.Summary is null ? TextDiagnosticWriter.Summary([.. outcome.Diagnostics]) : $"{outcome.Summary}; {TextDiagnosticWriter.Summary([.. outcome.Diagnostics])}";
        return $"  {mark}  {outcome.Name}: {detail}";
    }
}
