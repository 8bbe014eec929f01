using HomeOps.Core.ClusterConfig.Init;
using HomeOps.Core.Diagnostics;
using HomeOps.Operations.Checks;
using HomeOps.Operations.Config;
using HomeOps.Operations.GitOps;

namespace HomeOps.Cli.Commands;

/// <summary>`homeops init`: cluster.yaml for your network, from prompts, flags or an answers file; then render and check.</summary>
internal static class InitCommand
{
    public static Command Create(CliContext context)
    {
        var file = CommonOptions.ClusterFile();
        var answersFile = new Option<string?>("--answers") { Description = "A YAML file of answers (keys: docs/init-answers.md); flags override it" };
        var noInput = new Option<bool>("--no-input") { Description = "Never prompt: what the flags and the answers file leave open is an error" };
        var force = new Option<bool>("--force") { Description = "Replace an existing cluster.yaml" };
        var offline = CommonOptions.Offline();
        var mirror = CommonOptions.ChartMirror();
        var flags = new InitFlags();
        flags.AddValidators();
        var command = new Command("init", "Create cluster.yaml for your network (asking only what cannot be derived), then render and check it")
        {
            file, answersFile, noInput, force, offline, mirror,
        };
        foreach (var option in flags.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var workspace = Workspace.Locate(context.Files, context.WorkingDirectory, parse.GetValue(file) ?? Path.Combine(context.WorkingDirectory, "cluster.yaml"));
            var diagnostics = new DiagnosticBag();
            var answers = flags.Read(parse);
            if (parse.GetValue(answersFile) is { } path)
            {
                var full = Path.GetFullPath(path, context.WorkingDirectory);
                var fromFile = InitService.ReadAnswers(context.Files, full, workspace.Display(full), diagnostics);
                answers = fromFile is null ? answers : answers.Over(fromFile);
            }

            var replace = parse.GetValue(force);
            var terminal = parse.GetValue(noInput) ? null : context.Terminal;
            if (!diagnostics.HasErrors && terminal is not null)
            {
                var prompts = new InitPrompts(terminal);
                if (context.Files.FileExists(workspace.ClusterFile) && !replace)
                {
                    replace = prompts.Confirm($"{workspace.Display(workspace.ClusterFile)} exists. Replace it?");
                    if (!replace)
                    {
                        context.Out.WriteLine("init: nothing written");
                        return ExitCodes.Success;
                    }
                }

                answers = prompts.Ask(answers);
            }

            if (diagnostics.HasErrors)
            {
                DiagnosticPrinter.Print(context, workspace, OutputFormat.Text, diagnostics.Sorted());
                return ExitCodes.ErrorsFound;
            }

            var outcome = InitService.Plan(workspace, answers, context.Random);
            var checks = OfflineChecks.Default(context.Tools, context.Time, new ValidateOptions { Offline = parse.GetValue(offline), ChartMirror = CommonOptions.ChartMirrorValue(parse, mirror, context.WorkingDirectory) });
            var result = await InitService.RunAsync(workspace, outcome, replace, checks, done => CheckCommand.Report(context, workspace, done), cancellationToken).ConfigureAwait(false);
            DiagnosticPrinter.Print(context, workspace, OutputFormat.Text, result.Diagnostics);
            if (!result.Written)
            {
                context.Out.WriteLine($"init: {workspace.Display(workspace.ClusterFile)} not written");
                return ExitCodeFor.Diagnostics(result.Diagnostics);
            }

            context.Out.WriteLine($"init: wrote {workspace.Display(workspace.ClusterFile)} and {result.Generated.Count} file(s) generated from it");
            if (outcome.Plan is { } plan)
            {
                context.Out.WriteLine($"  derived: API VIP {plan.ApiVip}, pods {plan.PodNetwork} + {plan.PodNetworkIPv6}, services {plan.ServiceNetwork} + {plan.ServiceNetworkIPv6}, load balancers {plan.LoadBalancerNetwork} + {plan.LoadBalancerIPv6}, IPv6 prefix {plan.Ipv6Prefix}, ASN {plan.ClusterAsn}");
                context.Out.WriteLine(result.HasErrors ? "init: check found problems (above); fix cluster.yaml, then run 'homeops check'" : "Next steps:");
                var step = 1;
                foreach (var line in InitService.NextSteps(plan))
                {
                    context.Out.WriteLine($"  {step++}. {line}");
                }
            }

            return result.HasErrors ? ExitCodes.ErrorsFound : ExitCodes.Success;
        });
        return command;
    }
}
