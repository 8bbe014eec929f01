using HomeOps.Runtime.Processes;
using HomeOps.Testing;

namespace HomeOps.Tree.Tests;

/// <summary>The linters the pre-commit hooks run, run here on the whole repository (scripts/install-test-dependencies.sh installs them).</summary>
public sealed class RepositoryLintTests
{
    [Fact]
    public async Task Yamllint_Repository_Passes() =>
        await ShouldPassAsync("yamllint", ["--strict", "--format", "parsable", "."]);

    [Fact]
    public async Task Shellcheck_EveryShellScript_Passes()
    {
        var scripts = Directory.EnumerateFiles(RepositoryPaths.Root, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/node_modules/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)
                && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/.git/", StringComparison.Ordinal))
            .Where(IsShellScript)
            .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f))
            .Order(StringComparer.Ordinal)
            .ToList();
        scripts.ShouldContain("homeops");
        scripts.ShouldContain("scripts/test.sh");
        await ShouldPassAsync("shellcheck", scripts);
    }

    [Fact]
    public async Task Markdownlint_Documentation_Passes() =>
        await ShouldPassAsync(RepositoryPaths.Combine("node_modules", ".bin", "markdownlint"),
            ["**/*.md"]);

    [Fact]
    public async Task Secretlint_TrackedFiles_FindNoSecret() =>
        await ShouldPassAsync(RepositoryPaths.Combine("node_modules", ".bin", "secretlint"), ["**/*"]);

    private static bool IsShellScript(string path)
    {
        if (path.EndsWith(".sh", StringComparison.Ordinal))
        {
            return true;
        }

        if (Path.GetExtension(path).Length > 0 || new FileInfo(path).Length > 1024 * 1024)
        {
            return false;
        }

        using var reader = new StreamReader(path);
        var first = reader.ReadLine() ?? string.Empty;
        return first.StartsWith("#!", StringComparison.Ordinal) && (first.EndsWith("bash", StringComparison.Ordinal) || first.EndsWith("/sh", StringComparison.Ordinal));
    }

    private static async Task ShouldPassAsync(string program, IReadOnlyList<string> arguments)
    {
        var spec = new CommandSpec(program, arguments) { WorkingDirectory = RepositoryPaths.Root, Timeout = TimeSpan.FromMinutes(2) };
        var result = await InstalledPrograms.RunAsync(spec, "run scripts/install-test-dependencies.sh (apt yamllint shellcheck, npm ci)", TestContext.Current.CancellationToken);

        result.ExitCode.ShouldBe(0, $"{spec.Display()}\n{result.StandardOutput}\n{result.StandardError}");
    }
}
