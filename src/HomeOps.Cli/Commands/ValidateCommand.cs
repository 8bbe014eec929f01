using System.CommandLine;
using HomeOps.Cli.Output;
using HomeOps.Core.Diagnostics.Output;
using HomeOps.Operations;
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
        var command = new Command("validate", "Build and check the whole GitOps tree offline: kustomize, substitution, Helm, schemas and every rule (docs/rules.md)")
        {
            file, format, offline, mirror, schemas, noCache, path, kubernetesVersion, strict,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
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
            var result = await new ValidateService(context.Tools, context.Time).RunAsync(workspace, options, cancellationToken).ConfigureAwait(false);
            var outputFormat = parse.GetValue(format);
            DiagnosticPrinter.Print(context, workspace, outputFormat, result.Diagnostics);
            if (outputFormat == OutputFormat.Text)
            {
                context.Out.WriteLine($"validate: {result.Summary()}; {TextDiagnosticWriter.Summary([.. result.Diagnostics])}");
            }

            return ExitCodeFor.Diagnostics(result.Diagnostics);
        });
        return command;
    }
}
