using HomeOps.Cli.Commands;

namespace HomeOps.Cli;

/// <summary>Builds the command tree and runs it. Used by Program and, in-process, by the CLI tests.</summary>
public static class HomeOpsCli
{
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("HomeOps: one cluster.yaml to a validated, bootstrapped Talos + Flux home-lab cluster");
        root.Subcommands.Add(InitCommand.Create(context));
        root.Subcommands.Add(CheckCommand.Create(context));
        root.Subcommands.Add(ToolsCommand.Create(context));
        root.Subcommands.Add(ConfigCommands.Create(context));
        root.Subcommands.Add(ValidateCommand.Create(context));
        root.Subcommands.Add(DiffCommand.Create(context));
        root.Subcommands.Add(GraphCommand.Create(context));
        root.Subcommands.Add(DocsCommand.Create(context));
        var talos = TalosCommands.Create(context);
        TalosNodeCommands.AddTo(talos, context);
        root.Subcommands.Add(talos);
        root.Subcommands.Add(BootstrapCommand.Create(context));
        root.Subcommands.Add(ClusterCommands.Create(context));
        root.Subcommands.Add(FluxCommands.Create(context));
        root.Subcommands.Add(RecoveryCommands.Create(context));
        root.Subcommands.Add(RenderCommand.Create(context));
        root.Subcommands.Add(BgpCommands.Create(context));
        root.Subcommands.Add(UpgradeCommands.Create(context));
        root.Subcommands.Add(StatusCommand.Create(context));
        root.Subcommands.Add(DoctorCommand.Create(context));
        root.Subcommands.Add(McpCommand.Create(context));
        return root;
    }

    /// <summary>" Did you mean 'validate'?" for a mistyped subcommand, else empty.</summary>
    private static string Suggest(ParseResult parse, string message)
    {
        const string marker = "Unrecognized command or argument '";
        var start = message.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return string.Empty;
        }

        var token = message[(start + marker.Length)..].TrimEnd('.', '\'');
        var candidates = parse.CommandResult.Command.Subcommands.Select(c => c.Name);
        return Core.Text.Suggestions.Closest(token, candidates) is { } suggestion ? $" Did you mean '{suggestion}'?" : string.Empty;
    }

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var parse = Build(context).Parse(args);
        // --help wins over parse errors in System.CommandLine, so `homeops nope --help` would print the root help and
        // exit 0 as if 'nope' were fine; an unknown word is a usage error whatever follows it.
        var messages = parse.Errors.Select(e => e.Message).ToList();
        if (messages.Count == 0)
        {
            messages.AddRange(parse.UnmatchedTokens.Select(t => $"Unrecognized command or argument '{t}'."));
        }

        if (messages.Count > 0)
        {
            foreach (var message in messages)
            {
                await context.Error.WriteLineAsync($"homeops: {message}{Suggest(parse, message)}").ConfigureAwait(false);
            }

            await context.Error.WriteLineAsync("Run 'homeops --help' for usage.").ConfigureAwait(false);
            return ExitCodes.UsageOrEnvironment;
        }

        // Bugs still reach the user, but as one readable line rather than a stack trace.
        var configuration = new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync("homeops: cancelled").ConfigureAwait(false);
            return ExitCodes.UsageOrEnvironment;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await context.Error.WriteLineAsync($"homeops: internal error: {e.GetType().Name}: {e.Message}").ConfigureAwait(false);
            await context.Error.WriteLineAsync("  hint: this is a bug in HomeOps, not in your files; please report it with the command you ran (set HOMEOPS_DEBUG=1 for details)").ConfigureAwait(false);
            if (Environment.GetEnvironmentVariable("HOMEOPS_DEBUG") is "1")
            {
                await context.Error.WriteLineAsync(e.ToString()).ConfigureAwait(false);
            }

            return ExitCodes.UsageOrEnvironment;
        }
    }
}
