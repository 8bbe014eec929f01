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

    /// <param name="needTopLevel">False when the caller needs only the commit: the top folder is then asked only to explain a failure.</param>
    public static async Task<Resolved> ResolveAsync(GitTool git, Workspace workspace, string revision, string purpose, CancellationToken cancellationToken, bool needTopLevel = true)
    {
        var at = SourceSpan.File(workspace.Display(workspace.Root));
        try
        {
            // Both at once (rev-parse works from any folder of the repository): one process start less to wait for.
            var topTask = needTopLevel ? git.TopLevelAsync(workspace.Root, cancellationToken) : null;
            var commit = await git.ResolveAsync(workspace.Root, revision, cancellationToken).ConfigureAwait(false);
            var top = await (topTask ?? (commit is null ? git.TopLevelAsync(workspace.Root, cancellationToken) : Task.FromResult<string?>(null))).ConfigureAwait(false);
            return commit is null || (needTopLevel && top is null)
                ? new Resolved(top, null, DiagnosticCatalog.DiffBaseUnknown.At(at, revision, top is null ? "this folder is not in a git repository" : "git does not know that revision"))
                : new Resolved(top, commit, null);
        }
        catch (ToolNotFoundException)
        {
            return new Resolved(null, null, DiagnosticCatalog.ToolNotFound.At(at, "git", purpose));
        }
    }
}
