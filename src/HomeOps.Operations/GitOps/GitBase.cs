using HomeOps.Core.Diagnostics;
using HomeOps.Runtime.Processes;
using HomeOps.Runtime.Tools;

namespace HomeOps.Operations.GitOps;

/// <summary>
/// The git revision `diff` and `validate --changed-only` compare the working tree with: the repository's top folder
/// and the commit <c>--base</c> names, or HO0105 (not a repository, unknown revision) or HO0101 (no git) at the
/// workspace root.
/// </summary>
internal static class GitBase
{
    public sealed record Resolved(string? TopLevel, string? Commit, Diagnostic? Problem);

    public static async Task<Resolved> ResolveAsync(GitTool git, Workspace workspace, string revision, string purpose, CancellationToken cancellationToken)
    {
        var at = SourceSpan.File(workspace.Display(workspace.Root));
        try
        {
            var top = await git.TopLevelAsync(workspace.Root, cancellationToken).ConfigureAwait(false);
            var commit = top is null ? null : await git.ResolveAsync(top, revision, cancellationToken).ConfigureAwait(false);
            return top is null || commit is null
                ? new Resolved(top, null, DiagnosticCatalog.DiffBaseUnknown.At(at, revision, top is null ? "this folder is not in a git repository" : "git does not know that revision"))
                : new Resolved(top, commit, null);
        }
        catch (ToolNotFoundException)
        {
            return new Resolved(null, null, DiagnosticCatalog.ToolNotFound.At(at, "git", purpose));
        }
    }
}
