using HomeOps.Cli;
using HomeOps.Fakes.Programs;
using HomeOps.Runtime.Files;
using HomeOps.Runtime.Processes;
using HomeOps.Testing;

namespace HomeOps.Cli.Tests.Commands;

/// <summary>
/// `homeops tools` on real programs where they run here (git, kubectl, helm) and the fake op as a child process, each
/// put where a user might have it: PATH, mise's shims, the repository's .tools/bin. talosctl and flux are nowhere.
/// </summary>
public sealed class ToolsCommandTests
{
    [Fact]
    public async Task Tools_FindsEachWhereItIs_ComparesWithMiseToml_AndSaysHowToInstallWhatIsMissing()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("symbolic links to the tools are made the Unix way");
        }

        var real = new Dictionary<string, string?> { ["git"] = ToolLocator.Find("git"), ["kubectl"] = ToolLocator.Find("kubectl"), ["helm"] = ToolLocator.Find("helm", workingDirectory: RepositoryPaths.Root) };
        if (real.Where(r => r.Value is null).Select(r => r.Key).ToList() is { Count: > 0 } absent)
        {
            Assert.Skip($"{string.Join(", ", absent)} not installed (scripts/install-test-dependencies.sh installs them)");
        }

        using var temp = new TempDirectory();
        using var op = new FakeOpProcess("Automation");
        var repo = Path.Combine(temp.Path, "repo");
        temp.Write("repo/.mise.toml", "[tools]\nkubectl = \"0.0.1\"\nhelm = \"3.0.0\"\n\"aqua:1password/cli\" = \"2.31.1\"\n\"aqua:siderolabs/talos\" = \"1.10.5\"\n");
        var pathBin = Directory.CreateDirectory(Path.Combine(temp.Path, "bin")).FullName;
        var shims = Directory.CreateDirectory(Path.Combine(temp.Path, "mise", "shims")).FullName;
        var repoTools = Directory.CreateDirectory(Path.Combine(repo, ".tools", "bin")).FullName;
        File.CreateSymbolicLink(Path.Combine(pathBin, "git"), real["git"]!);
        File.CreateSymbolicLink(Path.Combine(pathBin, "op"), FakeOpProcess.Program);
        File.CreateSymbolicLink(Path.Combine(shims, "kubectl"), real["kubectl"]!);
        File.CreateSymbolicLink(Path.Combine(repoTools, "helm"), real["helm"]!);
        var environment = new Dictionary<string, string?> { ["PATH"] = pathBin, ["MISE_DATA_DIR"] = Path.GetDirectoryName(shims), ["HOME"] = temp.Path };

        using var output = new StringWriter();
        var context = new CliContext(output, output, repo, PhysicalFileSystem.Instance, TimeProvider.System)
        {
            Tools = op,
            Environment = name => environment.GetValueOrDefault(name),
        };
        var code = await HomeOpsCli.RunAsync(["tools"], context, TestContext.Current.CancellationToken);
        var text = output.ToString();
        var lines = text.Split('\n');
        string Line(string program) => lines.Single(l => l.StartsWith(program + " ", StringComparison.Ordinal));

        code.ShouldBe(1, text);
        Line("git").ShouldContain(" ok ");
        Line("git").ShouldEndWith($"{Path.Combine(pathBin, "git")} (PATH)");
        Line("op").ShouldContain(" ok ");
        Line("op").ShouldContain("2.31.1");
        Line("kubectl").ShouldContain(" warning ");
        Line("kubectl").ShouldEndWith($"{Path.Combine(shims, "kubectl")} (mise shims)");
        Line("helm").ShouldEndWith($"{Path.Combine(repoTools, "helm")} (.tools/bin)");
        Line("helm").ShouldContain(".mise.toml 3.0.0");
        Line("talosctl").ShouldContain(" error ");
        Line("talosctl").ShouldEndWith("not found");
        text.ShouldContain("talosctl: error HO0127:");
        text.ShouldContain("hint: Install it: mise install aqua:siderolabs/talos");
        text.ShouldContain("flux: warning HO0129:");
        text.ShouldContain("kubectl: warning HO0128: 'kubectl' is version");
        text.ShouldContain("; .mise.toml pins 0.0.1");
        text.ShouldContain("tools: 2 of 6 ready, 1 error(s), 3 warning(s)");
    }
}
