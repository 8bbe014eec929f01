using System.Globalization;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Talos.Secrets;
using HomeOps.Operations.Talos;

namespace HomeOps.Cli.Commands;

/// <summary>`homeops talos secrets generate|import|show`.</summary>
internal static class TalosSecretsCommands
{
    public static Command Create(CliContext context)
    {
        var secrets = new Command("secrets", "The Talos secrets bundle: cluster identity, tokens and certificate authorities");
        secrets.Subcommands.Add(Generate(context));
        secrets.Subcommands.Add(Import(context));
        secrets.Subcommands.Add(Show(context));
        return secrets;
    }

    private static Command Generate(CliContext context)
    {
        var (file, format, output, store, force) = (CommonOptions.ClusterFile(), CommonOptions.Format(), BundleOut(), Store(), Force());
        var command = new Command("generate", "Create a new secrets bundle (as 'talosctl gen secrets' does for Talos v1.10) in a git-ignored file or in 1Password")
        {
            file, format, output, store, force,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (TalosOptions.LoadConfig(context, parse.GetValue(file), parse.GetValue(format)) is not var (workspace, config))
            {
                return ExitCodes.ErrorsFound;
            }

            var service = TalosOptions.Secrets(context, workspace, config);
            var diagnostics = new DiagnosticBag();
            var bundle = new SecretsBundleGenerator(context.Random, context.Time).Generate();
            var where = parse.GetValue(store) ? service.Describe(TalosSecretsService.OnePasswordSource) : service.Describe(parse.GetValue(output));
            if (await service.SaveAsync(bundle, parse.GetValue(output), parse.GetValue(store), parse.GetValue(force), diagnostics, cancellationToken).ConfigureAwait(false))
            {
                var note = parse.GetValue(store) ? string.Empty
                    : $" ({await SecretFileNote.DescribeAsync(context.Tools, service.BundlePath(parse.GetValue(output)), cancellationToken).ConfigureAwait(false)})";
                context.Out.WriteLine($"Wrote a new Talos secrets bundle to {where}{note}.");
                context.Out.WriteLine("Keep it safe: it is the only way to manage the cluster's nodes. Nothing secret was printed.");
            }

            return TalosOptions.Finish(context, workspace, parse.GetValue(format), diagnostics);
        });
        return command;
    }

    private static Command Import(CliContext context)
    {
        var (file, format, output, store, force) = (CommonOptions.ClusterFile(), CommonOptions.Format(), BundleOut(), Store(), Force());
        var source = new Argument<string>("bundle") { Description = "A bundle written by 'talosctl gen secrets' or 'talhelper gensecret' (decrypted)" };
        var command = new Command("import", "Check an existing bundle and keep it where HomeOps looks for it (a git-ignored file, or 1Password with --store)")
        {
            source, file, format, output, store, force,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (TalosOptions.LoadConfig(context, parse.GetValue(file), parse.GetValue(format)) is not var (workspace, config))
            {
                return ExitCodes.ErrorsFound;
            }

            var service = TalosOptions.Secrets(context, workspace, config);
            var diagnostics = new DiagnosticBag();
            var path = parse.GetValue(source)!;
            var loaded = await service.LoadAsync(Path.GetFullPath(path, context.WorkingDirectory), context.Time.GetUtcNow(), diagnostics, cancellationToken).ConfigureAwait(false);
            if (loaded is not null)
            {
                var where = parse.GetValue(store) ? service.Describe(TalosSecretsService.OnePasswordSource) : service.Describe(parse.GetValue(output));
                if (await service.SaveAsync(loaded.Bundle, parse.GetValue(output), parse.GetValue(store), parse.GetValue(force), diagnostics, cancellationToken).ConfigureAwait(false))
                {
                    context.Out.WriteLine($"Imported {path} into {where}.");
                }
            }

            return TalosOptions.Finish(context, workspace, parse.GetValue(format), diagnostics);
        });
        return command;
    }

    private static Command Show(CliContext context)
    {
        var (file, format, from) = (CommonOptions.ClusterFile(), CommonOptions.Format(), TalosOptions.From());
        var reveal = new Option<bool>("--reveal") { Description = "Print the whole bundle, secrets included (for piping into another tool)" };
        var command = new Command("show", "Describe the secrets bundle (CAs, key types, expiry) without printing secrets") { file, format, from, reveal };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (TalosOptions.LoadConfig(context, parse.GetValue(file), parse.GetValue(format)) is not var (workspace, config))
            {
                return ExitCodes.ErrorsFound;
            }

            var service = TalosOptions.Secrets(context, workspace, config);
            var diagnostics = new DiagnosticBag();
            var loaded = await service.LoadAsync(parse.GetValue(from), context.Time.GetUtcNow(), diagnostics, cancellationToken).ConfigureAwait(false);
            if (loaded is not null && parse.GetValue(reveal))
            {
                context.Out.Write(SecretsBundleYaml.Write(loaded.Bundle));
            }
            else if (loaded is not null)
            {
                context.Out.WriteLine($"Talos secrets bundle: {loaded.Source}");
                var summary = SecretsBundleSummary.Of(loaded.Bundle);
                foreach (var authority in summary.Authorities)
                {
                    context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {authority.Name,-16} CA  {authority.KeyAlgorithm,-9}  subject '{authority.Subject}'  valid {authority.NotBefore:yyyy-MM-dd} to {authority.NotAfter:yyyy-MM-dd}"));
                }

                context.Out.WriteLine($"  {"service account",-16} key {summary.ServiceAccountKeyAlgorithm}");
                context.Out.WriteLine("  cluster id and secret, bootstrap and trustd tokens, secretbox key: present (use --reveal to print)");
            }

            return TalosOptions.Finish(context, workspace, parse.GetValue(format), diagnostics);
        });
        return command;
    }

    private static Option<string?> BundleOut() => new("--out", "-o") { Description = $"Bundle file to write (default {TalosSecretsService.DefaultBundlePath})" };

    private static Option<bool> Store() => new("--store") { Description = "Store the bundle in the 1Password item (secrets.onePassword in cluster.yaml) instead of a file" };

    private static Option<bool> Force() => new("--force") { Description = "Replace an existing bundle (every node and talosconfig made from it stops working)" };
}
