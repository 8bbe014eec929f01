using HomeOps.Operations.Recovery.Flux;

namespace HomeOps.Cli.Commands;

/// <summary>`homeops flux suspend|resume [NAME...]`: the whole tree, resumed in graph order (unlike `flux resume --all`).</summary>
internal static class FluxCommands
{
    public static Command Create(CliContext context)
    {
        var flux = new Command("flux", "Flux operations that follow the tree's dependency graph");
        flux.Subcommands.Add(Suspend(context));
        flux.Subcommands.Add(Resume(context));
        return flux;
    }

    private static Command Suspend(CliContext context)
    {
        var step = new StepCommand();
        var names = new Argument<string[]>("NAME") { Description = "Kustomizations to suspend (default: every one of the tree)", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("suspend", "Suspend the tree's Flux Kustomizations, deepest first (they keep their objects; Flux stops applying)") { names };
        step.AddTo(command);
        command.SetAction((parse, cancellationToken) => step.RunAsync(context, parse, "flux suspend", "suspended",
            (workspace, environment, options) => FluxSuspendService.SuspendAsync(workspace, environment, options, parse.GetValue(names) ?? [], cancellationToken)));
        return command;
    }

    private static Command Resume(CliContext context)
    {
        var step = new StepCommand();
        var names = new Argument<string[]>("NAME") { Description = "Kustomizations to resume (default: every one of the tree)", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("resume", "Resume the tree's Flux Kustomizations in dependency order, one depth at a time, each Ready before the next") { names };
        step.AddTo(command);
        command.SetAction((parse, cancellationToken) => step.RunAsync(context, parse, "flux resume", "every Kustomization resumed and Ready",
            (workspace, environment, options) => FluxSuspendService.ResumeAsync(workspace, environment, options, parse.GetValue(names) ?? [], cancellationToken)));
        return command;
    }
}
