using HomeOps.Core.GitOps.Output;
using HomeOps.Operations.GitOps;

namespace HomeOps.Cli.Commands;

/// <summary>`homeops diff`: what changes in the cluster between a git revision and the working tree, object by object.</summary>
internal static class DiffCommand
{
    public static Command Create(CliContext context)
    {
        var file = CommonOptions.ClusterFile();
        var offline = CommonOptions.Offline();
        var mirror = CommonOptions.ChartMirror();
        var path = CommonOptions.Path();
        var baseRev = new Option<string>("--base") { Description = "The git revision to compare with (branch, tag or commit)", DefaultValueFactory = _ => "HEAD" };
        var changedOnly = new Option<bool>("--changed-only") { Description = "Render and compare only Kustomizations whose inputs changed" };
        var markdown = new Option<bool>("--markdown") { Description = "Markdown for a pull-request comment (collapsible sections, diff code blocks)" };
        var limit = new Option<int?>("--limit-bytes") { Description = "Cut the output at this many bytes (GitHub comments hold about 65000)" };
        var exitCode = new Option<bool>("--exit-code") { Description = "Exit 1 when there are differences (like git diff --exit-code)" };
        var command = new Command("diff", "Render the GitOps tree at --base and in the working tree and print the differences per object, grouped by Kustomization and HelmRelease")
        {
            file, offline, mirror, path, baseRev, changedOnly, markdown, limit, exitCode,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var workspace = Workspace.Locate(context.Files, context.WorkingDirectory, parse.GetValue(file));
            var options = new DiffOptions
            {
                Base = parse.GetValue(baseRev) ?? "HEAD",
                ChangedOnly = parse.GetValue(changedOnly),
                Render = new ValidateOptions { Offline = parse.GetValue(offline), ChartMirror = CommonOptions.ChartMirrorValue(parse, mirror, context.WorkingDirectory), EntryPath = parse.GetValue(path), RenderOnly = true },
            };
            var result = await new DiffService(context.Tools, context.Time).RunAsync(workspace, options, cancellationToken).ConfigureAwait(false);
            if (result.Diagnostics.Count > 0)
            {
                context.Error.Write(TextDiagnosticWriter.Write(result.Diagnostics));
            }

            context.Out.Write(DiffWriter.Write(result.Changes, result.BaseLabel, result.HeadLabel, parse.GetValue(markdown), parse.GetValue(limit)));
            var failed = ExitCodeFor.Diagnostics(result.Diagnostics);
            return failed != ExitCodes.Success ? failed : parse.GetValue(exitCode) && result.Changes.Count > 0 ? ExitCodes.ErrorsFound : ExitCodes.Success;
        });
        return command;
    }
}
