using HomeOps.Runtime.Processes;
using HomeOps.Runtime.Tools;

namespace HomeOps.Operations.Talos;

/// <summary>
/// What to tell the user about a secret file just written: its mode, and whether git would leave it out of a commit.
/// Asked of git itself (<c>git check-ignore</c>), so a path outside the repository, or one .gitignore does not cover,
/// is never called git-ignored.
/// </summary>
public static class SecretFileNote
{
    public static async Task<string> DescribeAsync(ICommandRunner runner, string path, CancellationToken cancellationToken)
    {
        var ignored = await new GitTool(runner).IsIgnoredAsync(path, cancellationToken).ConfigureAwait(false);
        return ignored switch
        {
            true => "mode 0600, git-ignored",
            false => "mode 0600; git does NOT ignore it: add it to .gitignore, or it will be committed",
            null => "mode 0600, outside any git repository",
        };
    }
}
