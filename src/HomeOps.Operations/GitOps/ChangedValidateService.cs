using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Model;
using HomeOps.Runtime.Processes;
using HomeOps.Runtime.Tools;

namespace HomeOps.Operations.GitOps;

/// <summary>
/// `homeops validate --changed-only`: validates the whole tree (through the build and result caches, so unchanged
/// Kustomizations cost little and the tree-wide rules still see everything) and shows only the diagnostics about
/// what differs from the git base (<see cref="ChangedScope"/>): files changed in the index, the working tree or
/// untracked and not ignored. The rest is counted, not shown.
/// </summary>
public sealed class ChangedValidateService(ICommandRunner runner, TimeProvider time)
{
    /// <summary>When set, each phase of the run is timed into it (`validate --timings`).</summary>
    public PhaseTimings? Timings { get; init; }

    public async Task<ChangedValidateResult> RunAsync(Workspace workspace, ValidateOptions options, string revision, CancellationToken cancellationToken)
    {
        var git = new GitTool(runner);
        var validate = new ValidateService(runner, time) { Timings = Timings };
        // Every git process starts at once, first, and the CPU work of the head start after them: on a small machine,
        // waiting for git processes one after another is most of what a run of unchanged files costs. The diff names
        // the revision itself, so it runs beside the rev-parse that checks it; its answer counts only when the
        // revision names a commit.
        var changes = git.ChangedFilesAsync(workspace.Root, revision + "^{commit}", cancellationToken);
        var resolving = GitBase.ResolveAsync(git, workspace, revision, "to find the files that changed", cancellationToken, needTopLevel: false);
        var headStart = validate.Start(workspace, options with { ResultCache = true }, cancellationToken);
        var (_, commit, problem) = await resolving.ConfigureAwait(false);
        if (commit is null)
        {
            _ = changes.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            return new ChangedValidateResult([problem!], [], null) { BaseLabel = revision };
        }

        var label = $"{revision} ({commit[..12]})";
        var (changed, failed) = await changes.ConfigureAwait(false);
        Timings?.Mark("changed files (git rev-parse, diff, ls-files)", $"{changed.Count} changed");
        if (failed is not null)
        {
            var at = SourceSpan.File(workspace.Display(workspace.Root));
            return new ChangedValidateResult([DiagnosticCatalog.ToolFailed.At(at, failed.Spec.Display(), failed.ExitCode, failed.ErrorSummary())], [], null) { BaseLabel = label };
        }

        if (changed.Count == 0)
        {
            return new ChangedValidateResult([], [], null) { BaseLabel = label };
        }

        var validation = await validate.RunAsync(workspace, options with { ResultCache = true }, cancellationToken, headStart).ConfigureAwait(false);
        if (validation.Feeds is not { Count: > 0 } feeds)
        {
            return new ChangedValidateResult(validation.Diagnostics, [], validation) { BaseLabel = label, ChangedFiles = changed.Count, ShownAll = "the tree was not built" };
        }

        // What read a deleted file cannot be told from the tree as it is now (a resources: entry that names it, a
        // substituteFrom source): a deletion shows everything rather than hide what it broke.
        var deleted = changed.FirstOrDefault(f => !workspace.Files.FileExists(Path.Combine(workspace.Root, f)));
        var scope = ChangedScope.Of(changed, feeds, GlobalInputs(workspace, options), everything: deleted is not null);
        var shown = new List<Diagnostic>();
        var hidden = new List<Diagnostic>();
        foreach (var d in validation.Diagnostics)
        {
            (scope.Shows(RepositoryPath(workspace, d.Location.Path), d.Location.Line) ? shown : hidden).Add(d);
        }

        return new ChangedValidateResult(shown, hidden, validation)
        {
            BaseLabel = label,
            ChangedFiles = changed.Count,
            ChangedKustomizations = scope.Kustomizations.Count,
            Kustomizations = feeds.Count,
            ShownAll = deleted is not null ? $"{deleted} was deleted, and what read it cannot be told from the tree as it is now"
                : scope.Everything ? "cluster.yaml, .homeops.yaml or a schema folder changed" : null,
        };
    }

    /// <summary>The files every diagnostic depends on: cluster.yaml, .homeops.yaml and the schema folders (ending in '/').</summary>
    private static IEnumerable<string> GlobalInputs(Workspace workspace, ValidateOptions options)
    {
        var settings = ValidateService.LoadSettings(workspace, []);
        yield return RepositoryPath(workspace, workspace.ClusterFile);
        yield return Core.GitOps.Rules.ValidateSettings.FileName;
        foreach (var folder in settings.SchemaDirectories.Concat(options.SchemaDirectories))
        {
            yield return RepositoryPath(workspace, Path.GetFullPath(folder, workspace.Root)).TrimEnd('/') + "/";
        }
    }

    /// <summary>A path as diagnostics show it (relative to the working directory, or absolute) or absolute, relative to the repository root.</summary>
    private static string RepositoryPath(Workspace workspace, string path) =>
        Path.GetRelativePath(workspace.Root, Path.GetFullPath(path, workspace.DisplayBase)).Replace('\\', '/');
}
