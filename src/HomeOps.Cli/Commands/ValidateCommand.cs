using HomeOps.Operations.GitOps;

namespace HomeOps.Cli.Commands;

/// <summary>`homeops validate`: the whole GitOps tree, offline, with every rule.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var (file, format) = (CommonOptions.ClusterFile(), CommonOptions.Format());
        var offline = CommonOptions.Offline();
        var mirror = CommonOptions.ChartMirror();
        var schemas = CommonOptions.Schemas();
        var noCache = CommonOptions.NoCache();
        var path = CommonOptions.Path();
        var kubernetesVersion = CommonOptions.KubernetesVersion();
        var strict = new Option<bool>("--strict-substitution") { Description = "Fail on undefined post-build variables at build time, like Flux's StrictPostBuildSubstitutions" };
        var timings = new Option<bool>("--timings") { Description = "Print where the time went, phase by phase, to standard error (also HOMEOPS_TIMINGS=1)" };
        var changedOnly = new Option<bool>("--changed-only") { Description = "Show only the diagnostics about files that differ from --base (staged, unstaged or untracked) and the Kustomizations they feed; the whole tree is still validated, through the cache" };
        var baseRev = new Option<string>("--base") { Description = "With --changed-only: the git revision to compare the working tree with (default HEAD)" };
        var command = new Command("validate", "Build and check the whole GitOps tree offline: kustomize, substitution, Helm, schemas and every rule (docs/rules.md)")
        {
            file, format, offline, mirror, schemas, noCache, path, kubernetesVersion, strict, timings, changedOnly, baseRev,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(baseRev) is not null && !result.GetValue(changedOnly))
            {
                result.AddError("--base needs --changed-only (validate --changed-only --base REF)");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var phases = parse.GetValue(timings) || context.Environment("HOMEOPS_TIMINGS") is "1" ? new PhaseTimings(context.Time) : null;
            var workspace = Workspace.Locate(context.Files, context.WorkingDirectory, parse.GetValue(file));
            var options = new ValidateOptions
            {
                Offline = parse.GetValue(offline),
                ChartMirror = CommonOptions.ChartMirrorValue(parse, mirror, context.WorkingDirectory),
                SchemaDirectories = [.. (parse.GetValue(schemas) ?? []).Select(s => System.IO.Path.GetFullPath(s, context.WorkingDirectory))],
                UseCache = !parse.GetValue(noCache),
                EntryPath = parse.GetValue(path),
                StrictSubstitution = parse.GetValue(strict),
                KubernetesVersion = parse.GetValue(kubernetesVersion),
                ResultCache = true,
            };
            var outputFormat = parse.GetValue(format);
            IReadOnlyList<Core.Diagnostics.Diagnostic> shown;
            if (parse.GetValue(changedOnly))
            {
                var changed = await new ChangedValidateService(context.Tools, context.Time) { Timings = phases }
                    .RunAsync(workspace, options, parse.GetValue(baseRev) ?? "HEAD", cancellationToken).ConfigureAwait(false);
                shown = changed.Diagnostics;
                DiagnosticPrinter.Print(context, workspace, outputFormat, shown);
                if (outputFormat == OutputFormat.Text)
                {
                    context.Out.WriteLine($"validate --changed-only: {changed.Summary()}");
                }
            }
            else
            {
                var result = await new ValidateService(context.Tools, context.Time) { Timings = phases }.RunAsync(workspace, options, cancellationToken).ConfigureAwait(false);
                shown = result.Diagnostics;
                DiagnosticPrinter.Print(context, workspace, outputFormat, shown);
                if (outputFormat == OutputFormat.Text)
                {
                    context.Out.WriteLine($"validate: {result.Summary()}; {TextDiagnosticWriter.Summary([.. result.Diagnostics])}");
                }
            }

            if (phases is not null)
            {
                phases.Mark("diagnostics printed");
                PrintTimings(context, phases);
            }

            return ExitCodeFor.Diagnostics(shown);
        });
        return command;
    }

    private static void PrintTimings(CliContext context, PhaseTimings phases)
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        var startUp = context.Time.GetUtcNow() - process.StartTime.ToUniversalTime() - TimeSpan.FromMilliseconds(phases.Phases.Sum(p => p.Elapsed.TotalMilliseconds));
        context.Error.WriteLine("validate --timings (wall time per phase; CPU time is the process's, children excluded):");
        context.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{startUp.TotalMilliseconds,8:0.0} ms  start-up (process start to the command, runtime and JIT included)"));
        foreach (var line in phases.Lines())
        {
            context.Error.WriteLine(line);
        }

        context.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{process.TotalProcessorTime.TotalMilliseconds,8:0.0} ms  CPU time of this process so far"));
        context.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds,8:0.0} ms  of it compiling methods at run time ({System.Runtime.JitInfo.GetCompiledMethodCount()} methods the ReadyToRun image did not hold)"));
    }
}
