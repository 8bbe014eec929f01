using HomeOps.Core.Diagnostics;
using HomeOps.Operations.Bootstrap;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Cli.Commands;

/// <summary>
/// What every command on the step engine shares (recovery, flux suspend/resume): --dry-run, --resume, --timeout,
/// --kubeconfig, the progress drawing, and the closing line that says what to run next.
/// </summary>
internal sealed class StepCommand
{
    public Option<string?> File { get; } = CommonOptions.ClusterFile();

    public Option<bool> DryRun { get; } = new("--dry-run") { Description = "Print the plan and the exact commands (secrets redacted); change nothing" };

    public Option<bool> Resume { get; } = new("--resume") { Description = "Skip the steps the state file records as done (without probing them again)" };

    public Option<int> Timeout { get; } = CommonOptions.Minutes("--timeout", "Minutes each wait may take before the step fails", 15);

    public Option<string?> Kubeconfig { get; } = ClusterOptions.Kubeconfig();

    public void AddTo(Command command)
    {
        command.Options.Add(File);
        command.Options.Add(DryRun);
        command.Options.Add(Resume);
        command.Options.Add(Timeout);
        command.Options.Add(Kubeconfig);
    }

    public BootstrapOptions Options(ParseResult parse) => new()
    {
        DryRun = parse.GetValue(DryRun),
        Resume = parse.GetValue(Resume),
        WaitTimeout = TimeSpan.FromMinutes(parse.GetValue(Timeout)),
        Kubeconfig = parse.GetValue(Kubeconfig),
    };

    /// <param name="name">The command as the user typed it ("flux resume"), for the closing line.</param>
    /// <param name="done">What the closing line says after a successful run.</param>
    public async Task<int> RunAsync(CliContext context, ParseResult parse, string name, string done,
        Func<Workspace, BootstrapEnvironment, BootstrapOptions, Task<IReadOnlyList<Diagnostic>>> run)
    {
        var workspace = Workspace.Locate(context.Files, context.WorkingDirectory, parse.GetValue(File));
        var options = Options(parse);
        var progress = new TextBootstrapProgress(context.Out, options.DryRun);
        var kube = new KubeClientFactory(context.Time, context.KubeRewrite) { Log = message => context.Out.WriteLine($"      {message}") };
        var environment = new BootstrapEnvironment(context.Commands, kube, context.Time, progress) { CheckRunner = context.Tools, Variables = context.Environment };
        var started = context.Time.GetTimestamp();
        var diagnostics = await run(workspace, environment, options).ConfigureAwait(false);
        DiagnosticPrinter.Print(context, workspace, OutputFormat.Text, diagnostics);
        var elapsed = TextBootstrapProgress.Format(context.Time.GetElapsedTime(started));
        if (diagnostics.Any(d => d.IsError))
        {
            context.Out.WriteLine($"{name}: stopped after {elapsed}. Fix the problem above, then run 'homeops {name} --resume'.");
            return ExitCodeFor.Diagnostics(diagnostics);
        }

        context.Out.WriteLine(options.DryRun ? $"{name}: dry run, nothing was changed" : $"{name}: {done} ({elapsed})");
        return ExitCodes.Success;
    }
}
