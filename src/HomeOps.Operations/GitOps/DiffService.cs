using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.GitOps.Output;
using HomeOps.Runtime.Processes;
using HomeOps.Runtime.Tools;

namespace HomeOps.Operations.GitOps;

/// <summary>
/// `homeops diff`: renders the tree of the working copy and of another revision (checked out in a throwaway git
/// worktree) and compares them object by object. A Kustomization that fails to build on one side is reported, not
/// shown as everything deleted.
/// </summary>
public sealed class DiffService(ICommandRunner runner, TimeProvider time)
{
    public async Task<DiffResult> RunAsync(Workspace workspace, DiffOptions options, CancellationToken cancellationToken)
    {
        var git = new GitTool(runner);
        var diagnostics = new List<Diagnostic>();
        var (top, commit, problem) = await GitBase.ResolveAsync(git, workspace, options.Base, "to check out the revision to compare with", cancellationToken).ConfigureAwait(false);
        if (top is null || commit is null)
        {
            diagnostics.Add(problem!);
            return new DiffResult([], diagnostics, options.Base, "working tree", 0);
        }

        // One reusable worktree per repository in the cache folder (moving it to another commit only rewrites the
        // files that differ); a second diff running at the same time gets a throwaway one.
        var cacheDir = options.Render.CacheDirectory ?? UserCache.Directory();
        var shared = Path.Combine(cacheDir, "worktrees", BuildCache.Hash([top])[..16]);
        workspace.Files.CreateDirectory(Path.GetDirectoryName(shared)!);
        var lockFile = workspace.Files.TryLock(shared + ".lock");
        var worktree = lockFile is null ? Path.Combine(workspace.Files.TempDirectory, $"homeops-diff-{Environment.ProcessId}-{time.GetTimestamp()}") : shared;
        var added = lockFile is null
            ? await git.AddWorktreeAsync(top, worktree, commit, cancellationToken).ConfigureAwait(false)
            : await git.CheckoutWorktreeAsync(top, worktree, commit, workspace.Files, cancellationToken).ConfigureAwait(false);
        if (!added.Succeeded)
        {
            lockFile?.Dispose();
            diagnostics.Add(DiagnosticCatalog.ToolFailed.At(SourceSpan.File(workspace.Display(workspace.Root)), added.Spec.Display(), added.ExitCode, added.ErrorSummary()));
            return new DiffResult([], diagnostics, options.Base, "working tree", 0);
        }

        try
        {
            var baseRoot = Path.Combine(worktree, Path.GetRelativePath(top, workspace.Root));
            var baseWorkspace = workspace with
            {
                Root = baseRoot,
                ClusterFile = Path.Combine(baseRoot, Path.GetRelativePath(workspace.Root, workspace.ClusterFile)),
                DisplayBase = baseRoot,
            };
            var service = new ValidateService(runner, time);
            var render = options.Render with { RenderOnly = true };
            var none = options.ChangedOnly ? (Func<KustomizationNode, bool>)(_ => false) : null;
            // Both sides at once: each is mostly waiting on kustomize and helm processes.
            var renders = await Task.WhenAll(
                service.RenderAsync(baseWorkspace, render, none, cancellationToken),
                service.RenderAsync(workspace, render, none, cancellationToken)).ConfigureAwait(false);
            var (before, after) = (renders[0], renders[1]);
            diagnostics.AddRange(after.Diagnostics.Where(d => d.IsError).Select(d => d with { Location = d.Location with { Path = ValidateService.Display(workspace, d.Location.Path) } }));
            diagnostics.AddRange(before.Diagnostics.Where(d => d.IsError).Select(d => d with { Message = $"(at {options.Base}) {d.Message}" }));
            if (before.Tree is null || after.Tree is null)
            {
                return new DiffResult([], diagnostics, options.Base, "working tree", 0);
            }

            var include = Comparable(before.Tree, after.Tree, options.ChangedOnly);
            if (options.ChangedOnly)
            {
                // Only the changed Kustomizations' HelmReleases are rendered, on both sides.
                await Task.WhenAll(
                    service.RenderReleasesAsync(baseWorkspace, render, before, k => include(k.Id), cancellationToken),
                    service.RenderReleasesAsync(workspace, render, after, k => include(k.Id), cancellationToken)).ConfigureAwait(false);
            }

            var changes = TreeDiff.Compare(
                RenderedObjects.Collect(before.Tree, k => include(k.Id)),
                RenderedObjects.Collect(after.Tree, k => include(k.Id)));
            var compared = before.Tree.Kustomizations.Select(k => k.Id).Union(after.Tree.Kustomizations.Select(k => k.Id)).Count(include);
            return new DiffResult(changes, diagnostics, $"{options.Base} ({commit[..12]})", "working tree", compared);
        }
        finally
        {
            if (lockFile is null)
            {
                await git.RemoveWorktreeAsync(top, worktree, CancellationToken.None).ConfigureAwait(false);
            }

            lockFile?.Dispose();
        }
    }

    /// <summary>
    /// Which Kustomizations to compare: built on every side they exist on (a failed build is reported, not diffed),
    /// and with --changed-only, only those whose inputs or variables differ.
    /// </summary>
    private static Func<string, bool> Comparable(GitOpsTree before, GitOpsTree after, bool changedOnly)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in before.Kustomizations.Select(k => k.Id).Union(after.Kustomizations.Select(k => k.Id)))
        {
            var a = before.Find(id);
            var b = after.Find(id);
            if ((a is not null && !a.Built && a.SkipReason is null) || (b is not null && !b.Built && b.SkipReason is null))
            {
                continue;
            }

            if (changedOnly && a is not null && b is not null && a.InputHash == b.InputHash && a.VariablesHash == b.VariablesHash)
            {
                continue;
            }

            result.Add(id);
        }

        return result.Contains;
    }
}
