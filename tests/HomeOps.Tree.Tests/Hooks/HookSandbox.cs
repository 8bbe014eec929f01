using HomeOps.Runtime.Processes;
using HomeOps.Testing;

namespace HomeOps.Tree.Tests.Hooks;

/// <summary>
/// A throwaway git repository holding the repository's own hook setup (.pre-commit-config.yaml, the hook scripts and
/// their configuration files, .secrets.baseline), with node_modules/ and .tools/ linked from the checkout, so
/// `pre-commit run HOOK --files FILE` runs the real hooks on files a test writes and stages there. Deleted at the end.
/// </summary>
internal sealed class HookSandbox : IDisposable
{
    /// <summary>What the hooks read besides the files they check.</summary>
    private static readonly string[] s_setup =
        [".pre-commit-config.yaml", ".secretlintrc.json", ".secretlintignore", ".prettierignore", ".secrets.baseline"];

    private HookSandbox(string path) => Path = path;

    public string Path { get; }

    public static async Task<HookSandbox> CreateAsync(CancellationToken cancellationToken)
    {
        var sandbox = new HookSandbox(Directory.CreateTempSubdirectory("homeops-hooks-").FullName);
        try
        {
            foreach (var file in s_setup)
            {
                File.Copy(RepositoryPaths.Combine(file), System.IO.Path.Combine(sandbox.Path, file));
            }

            RepositoryCopy.CopyFolder(RepositoryPaths.Combine("scripts", "hooks"), System.IO.Path.Combine(sandbox.Path, "scripts", "hooks"));
            foreach (var folder in (string[])["node_modules", ".tools"])
            {
                if (Directory.Exists(RepositoryPaths.Combine(folder)))
                {
                    Directory.CreateSymbolicLink(System.IO.Path.Combine(sandbox.Path, folder), RepositoryPaths.Combine(folder));
                }
            }

            (await sandbox.GitAsync(["init", "--quiet"], cancellationToken)).ExitCode.ShouldBe(0);
            (await sandbox.GitAsync(["add", "--", .. s_setup, "scripts/hooks"], cancellationToken)).ExitCode.ShouldBe(0);
            return sandbox;
        }
        catch
        {
            sandbox.Dispose();
            throw;
        }
    }

    /// <summary>Writes and stages a file (pre-commit checks staged files).</summary>
    public async Task WriteAsync(string relative, string content, CancellationToken cancellationToken)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        await File.WriteAllTextAsync(full, content, cancellationToken);
        (await GitAsync(["add", "--", relative], cancellationToken)).ExitCode.ShouldBe(0);
    }

    /// <summary>`pre-commit run HOOK --files FILE...` in the sandbox.</summary>
    public Task<CommandResult> RunHookAsync(string hook, IReadOnlyList<string> files, CancellationToken cancellationToken) =>
        PreCommit.RunAsync(Path, ["run", hook, "--files", .. files], cancellationToken);

    private Task<CommandResult> GitAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        InstalledPrograms.RunAsync(new CommandSpec("git", arguments) { WorkingDirectory = Path }, "install git", cancellationToken);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless.
        }
    }
}

/// <summary>Runs pre-commit (apt pre-commit 3.0.4 here) and tells whether a hook's tool is installed.</summary>
internal static class PreCommit
{
    public static Task<CommandResult> RunAsync(string repository, IReadOnlyList<string> arguments, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? environment = null) =>
        InstalledPrograms.RunAsync(
            new CommandSpec("pre-commit", arguments)
            {
                WorkingDirectory = repository,
                Timeout = TimeSpan.FromMinutes(5),
                // No colour codes in the output the tests read.
                Environment = new Dictionary<string, string?>(environment ?? new Dictionary<string, string?>()) { ["NO_COLOR"] = "1" },
            },
            "run scripts/install-test-dependencies.sh (apt pre-commit)", cancellationToken);

    /// <summary>
    /// Null when detect-secrets runs here, else why not: it comes from PyPI only, and where pip cannot reach PyPI
    /// scripts/install-test-dependencies.sh reports the skip (scripts/hooks/detect-secrets.sh exits 127).
    /// </summary>
    public static async Task<string?> DetectSecretsMissingAsync(CancellationToken cancellationToken)
    {
        var version = await ProcessCommandRunner.Instance.RunAsync(
            new CommandSpec(RepositoryPaths.Combine("scripts", "hooks", "detect-secrets.sh"), ["--version"]) { WorkingDirectory = RepositoryPaths.Root },
            cancellationToken);
        return version.ExitCode == 0
            ? null
            : $"detect-secrets is not installed here ({version.StandardError.Trim()}); it comes from PyPI only, and "
              + "scripts/install-test-dependencies.sh prints why pip could not install it";
    }
}
