using HomeOps.Runtime.Files;
using HomeOps.Runtime.Processes;

namespace HomeOps.Runtime.Tools;

/// <summary>git: tracked files, revisions and throwaway worktrees for rendering another revision.</summary>
public sealed class GitTool(ICommandRunner runner)
{
    public static CommandSpec LsFilesSpec(string repository) =>
        new("git", ["-C", repository, "ls-files", "-z", "--cached", "--others", "--exclude-standard"]);

    /// <summary>Files that differ between <paramref name="commit"/> (a commit, or a revision naming one) and the working tree, staged or not (deleted ones too), relative to <paramref name="repository"/> and below it.</summary>
    public static CommandSpec DiffNamesSpec(string repository, string commit) =>
        new("git", ["-C", repository, "diff", "--name-only", "-z", "--no-renames", "--relative", commit, "--"]);

    /// <summary>Untracked files git does not ignore, relative to <paramref name="repository"/> and below it.</summary>
    public static CommandSpec UntrackedSpec(string repository) =>
        new("git", ["-C", repository, "ls-files", "-z", "--others", "--exclude-standard"]);

    public static CommandSpec RevParseSpec(string repository, string revision) =>
        new("git", ["-C", repository, "rev-parse", "--verify", "--quiet", revision + "^{commit}"]);

    public static CommandSpec WorktreeAddSpec(string repository, string path, string commit) =>
        new("git", ["-C", repository, "worktree", "add", "--detach", "--force", path, commit]);

    public static CommandSpec WorktreeRemoveSpec(string repository, string path) =>
        new("git", ["-C", repository, "worktree", "remove", "--force", path]);

    public static CommandSpec CheckoutSpec(string worktree, string commit) =>
        new("git", ["-C", worktree, "checkout", "--detach", "--force", "--quiet", commit]);

    public static CommandSpec PruneSpec(string repository) => new("git", ["-C", repository, "worktree", "prune"]);

    public static CommandSpec TopLevelSpec(string directory) => new("git", ["-C", directory, "rev-parse", "--show-toplevel"]);

    /// <summary>Exit 0 when git ignores <paramref name="path"/>, 1 when it does not, 128 outside a repository.</summary>
    public static CommandSpec CheckIgnoreSpec(string path) =>
        new("git", ["-C", Path.GetDirectoryName(Path.GetFullPath(path))!, "check-ignore", "--quiet", Path.GetFullPath(path)]);

    /// <summary>Whether git would leave the file out of a commit: true, false, or null outside a repository (or without git).</summary>
    public async Task<bool?> IsIgnoredAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var result = await runner.RunAsync(CheckIgnoreSpec(path), cancellationToken).ConfigureAwait(false);
            return result.ExitCode switch { 0 => true, 1 => false, _ => null };
        }
        catch (ToolNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Tracked and untracked-but-not-ignored files (what a commit would contain), or null outside a repository.</summary>
    public async Task<IReadOnlyList<string>?> ListFilesAsync(string repository, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(LsFilesSpec(repository), cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? [.. result.StandardOutput.Split('\0', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)] : null;
    }

    /// <summary>
    /// What a commit made now would change against <paramref name="commit"/>: files that differ from it in the index or
    /// the working tree (deleted ones included), and untracked files that are not ignored; repository-relative
    /// (to <paramref name="repository"/>); or, when git fails, the failed command.
    /// </summary>
    public async Task<(IReadOnlyList<string> Files, CommandResult? Failed)> ChangedFilesAsync(string repository, string commit, CancellationToken cancellationToken)
    {
        var results = await Task.WhenAll(
            runner.RunAsync(DiffNamesSpec(repository, commit), cancellationToken),
            runner.RunAsync(UntrackedSpec(repository), cancellationToken)).ConfigureAwait(false);
        return results.FirstOrDefault(r => !r.Succeeded) is { } failed
            ? ([], failed)
            : ([.. results.SelectMany(r => r.StandardOutput.Split('\0', StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], null);
    }

    public async Task<string?> TopLevelAsync(string directory, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(TopLevelSpec(directory), cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? result.StandardOutput.Trim() : null;
    }

    /// <summary>The commit a revision names, or null when it names none.</summary>
    public async Task<string?> ResolveAsync(string repository, string revision, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(RevParseSpec(repository, revision), cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? result.StandardOutput.Trim() : null;
    }

    public Task<CommandResult> AddWorktreeAsync(string repository, string path, string commit, CancellationToken cancellationToken) =>
        runner.RunAsync(WorktreeAddSpec(repository, path, commit), cancellationToken);

    /// <summary>
    /// Points an existing worktree at <paramref name="commit"/>, or creates it: reusing one worktree costs only the
    /// files that differ, where adding a new one checks out the whole repository. A folder there that is not a
    /// worktree (or will not move) is deleted through <paramref name="files"/> first.
    /// </summary>
    public async Task<CommandResult> CheckoutWorktreeAsync(string repository, string path, string commit, IFileSystem files, CancellationToken cancellationToken)
    {
        if (files.FileExists(Path.Combine(path, ".git")))
        {
            var moved = await runner.RunAsync(CheckoutSpec(path, commit), cancellationToken).ConfigureAwait(false);
            if (moved.Succeeded)
            {
                return moved;
            }
        }

        files.DeleteDirectory(path);
        await runner.RunAsync(PruneSpec(repository), cancellationToken).ConfigureAwait(false);
        return await AddWorktreeAsync(repository, path, commit, cancellationToken).ConfigureAwait(false);
    }

    public Task<CommandResult> RemoveWorktreeAsync(string repository, string path, CancellationToken cancellationToken) =>
        runner.RunAsync(WorktreeRemoveSpec(repository, path), cancellationToken);
}
