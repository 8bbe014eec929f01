using HomeOps.Core.Diagnostics;
using HomeOps.Core.Talos.Rendering;
using HomeOps.Core.Talos.Schematics;
using HomeOps.Operations.Talos;

namespace HomeOps.Cli.Commands;

/// <summary>`homeops talos ...`: secrets, render, validate, schematic, diff, commands.</summary>
internal static class TalosCommands
{
    /// <summary>Exit code of `talos diff` when the new render differs from the files on disk.</summary>
    public const int DiffChanges = 2;

    public static Command Create(CliContext context)
    {
        var talos = new Command("talos", "Talos Linux: secrets bundle and machine configs generated from cluster.yaml and talos/patches");
        talos.Subcommands.Add(TalosSecretsCommands.Create(context));
        talos.Subcommands.Add(Render(context));
        talos.Subcommands.Add(Validate(context));
        talos.Subcommands.Add(TalosInfoCommands.Schematic(context));
        talos.Subcommands.Add(Diff(context));
        talos.Subcommands.Add(TalosInfoCommands.Commands(context));
        return talos;
    }

    private static Command Render(CliContext context)
    {
        var (file, format, from, output) = (CommonOptions.ClusterFile(), CommonOptions.Format(), TalosOptions.From(), TalosOptions.Output());
        var command = new Command("render", "Write one machine config per node and a talosconfig (secrets included, mode 0600) into the git-ignored output folder")
        {
            file, format, from, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (await TalosOptions.RenderWithSecretsAsync(context, parse, file, format, from, cancellationToken).ConfigureAwait(false) is not var (workspace, service, result, diagnostics))
            {
                return ExitCodes.ErrorsFound;
            }

            // The render's own errors and a stale generated patch (HO3801) both stop the write.
            if (!diagnostics.HasErrors)
            {
                foreach (var path in service.Write(result, parse.GetValue(output)))
                {
                    context.Out.WriteLine($"wrote {path}");
                }
            }
            else
            {
                context.Error.WriteLine("talos render: nothing was written because of the errors below");
            }

            return TalosOptions.Finish(context, workspace, parse.GetValue(format), diagnostics);
        });
        return command;
    }

    private static Command Validate(CliContext context)
    {
        var (file, format, from) = (CommonOptions.ClusterFile(), CommonOptions.Format(), TalosOptions.From());
        var command = new Command("validate", "Render every node's config in memory and check it against the Talos v1.10 schema, Talos's own rules and HomeOps's (no secrets needed)")
        {
            file, format, from,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (TalosOptions.LoadConfig(context, parse.GetValue(file), parse.GetValue(format)) is not var (workspace, config))
            {
                return ExitCodes.ErrorsFound;
            }

            var diagnostics = new DiagnosticBag();
            var (secrets, result) = (await new TalosService(workspace, config)
                .RunAsync(TalosOptions.Secrets(context, workspace, config), parse.GetValue(from), requireSecrets: false, context.Time.GetUtcNow(), diagnostics, cancellationToken).ConfigureAwait(false))!;
            DiagnosticPrinter.Print(context, workspace, parse.GetValue(format), diagnostics.Sorted());
            if (parse.GetValue(format) == OutputFormat.Text)
            {
                var how = secrets is null ? "structure only, without secrets" : $"with secrets from {secrets.Source}";
                context.Out.WriteLine($"talos validate: {result.Nodes.Count} node(s), {result.Nodes.Sum(n => n.Documents.Count)} document(s), {result.PatchFiles} patch file(s) ({how}): {TextDiagnosticWriter.Summary([.. diagnostics.Items])}");
            }

            return ExitCodeFor.Diagnostics(diagnostics.Items);
        });
        return command;
    }

    private static Command Diff(CliContext context)
    {
        var (file, format, from, output) = (CommonOptions.ClusterFile(), CommonOptions.Format(), TalosOptions.From(), TalosOptions.Output());
        var command = new Command("diff", "Show what a new render would change in the output folder, per node and key, secrets redacted. Exit 0: no change, 2: changes, 1: errors")
        {
            file, format, from, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (await TalosOptions.RenderWithSecretsAsync(context, parse, file, format, from, cancellationToken).ConfigureAwait(false) is not var (workspace, service, result, diagnostics))
            {
                return ExitCodes.ErrorsFound;
            }

            if (diagnostics.HasErrors)
            {
                TalosOptions.Finish(context, workspace, parse.GetValue(format), diagnostics);
                return ExitCodes.ErrorsFound;
            }

            DiagnosticPrinter.Print(context, workspace, parse.GetValue(format), diagnostics.Sorted());
            var changes = service.Diff(result, parse.GetValue(output));
            foreach (var (name, fileChanges) in changes)
            {
                context.Out.WriteLine(name);
                foreach (var change in fileChanges)
                {
                    context.Out.WriteLine("  " + change);
                }
            }

            context.Out.WriteLine(changes.Count == 0 ? "talos diff: no changes" : $"talos diff: {changes.Count} file(s) would change ({changes.Sum(c => c.Value.Count)} value(s)); run 'homeops talos render' to write them");
            return changes.Count == 0 ? ExitCodes.Success : DiffChanges;
        });
        return command;
    }
}
