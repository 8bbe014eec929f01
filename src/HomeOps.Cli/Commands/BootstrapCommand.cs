using HomeOps.Operations.Bootstrap;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Cli.Commands;

/// <summary>`homeops bootstrap`: bare Talos nodes to Flux in control, in resumable steps.</summary>
internal static class BootstrapCommand
{
    public static Command Create(CliContext context)
    {
        var file = CommonOptions.ClusterFile();
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the plan and the exact commands (secrets redacted); change nothing" };
        var resume = new Option<bool>("--resume") { Description = "Skip the steps the state file records as done (without probing them again)" };
        var from = new Option<string?>("--from") { Description = "Start at this step (the steps before it must be done)" };
        var only = new Option<string?>("--only") { Description = "Run only this step (its dependencies must be done)" };
        var timeout = CommonOptions.Minutes("--timeout", "Minutes each wait may take before the step fails", 15);
        var command = new Command("bootstrap", "Bootstrap the cluster from bare Talos nodes to Flux in control, in resumable steps")
        {
            file, dryRun, resume, from, only, timeout,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var workspace = Workspace.Locate(context.Files, context.WorkingDirectory, parse.GetValue(file));
            var options = new BootstrapOptions
            {
                DryRun = parse.GetValue(dryRun),
                Resume = parse.GetValue(resume),
                From = parse.GetValue(from),
                Only = parse.GetValue(only),
                WaitTimeout = TimeSpan.FromMinutes(parse.GetValue(timeout)),
            };
            var progress = new TextBootstrapProgress(context.Out, options.DryRun);
            var kube = new KubeClientFactory(context.Time, context.KubeRewrite) { Log = message => context.Out.WriteLine($"      {message}") };
            var environment = new BootstrapEnvironment(context.Commands, kube, context.Time, progress) { CheckRunner = context.Tools };
            var started = context.Time.GetTimestamp();
            var diagnostics = await BootstrapService.RunAsync(workspace, environment, options, cancellationToken).ConfigureAwait(false);
            DiagnosticPrinter.Print(context, workspace, OutputFormat.Text, diagnostics);
            var elapsed = TextBootstrapProgress.Format(context.Time.GetElapsedTime(started));
            if (diagnostics.Any(d => d.IsError))
            {
                context.Out.WriteLine($"bootstrap: stopped after {elapsed}. Fix the problem above, then run 'homeops bootstrap --resume'.");
                return ExitCodeFor.Diagnostics(diagnostics);
            }

            context.Out.WriteLine(options.DryRun ? "bootstrap: dry run, nothing was changed" : $"bootstrap: done in {elapsed}: Flux is in control");
            return ExitCodes.Success;
        });
        return command;
    }
}
