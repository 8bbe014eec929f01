using System.CommandLine;
using HomeOps.Cli;
using HomeOps.Runtime.Files;
using HomeOps.Testing;

namespace HomeOps.Cli.Tests.Commands;

public sealed class CliSurfaceTests
{
    public static TheoryData<string> CommandPaths()
    {
        var root = HomeOpsCli.Build(new CliContext(TextWriter.Null, TextWriter.Null, RepositoryPaths.Root, PhysicalFileSystem.Instance, TimeProvider.System));
        var paths = new TheoryData<string>();
        void Walk(Command command, string prefix)
        {
            paths.Add(prefix);
            foreach (var sub in command.Subcommands)
            {
                Walk(sub, (prefix + " " + sub.Name).Trim());
            }
        }

        Walk(root, string.Empty);
        return paths;
    }

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public async Task Help_EveryCommand_PrintsUsageAndExitsZero(string path)
    {
        var args = path.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append("--help").ToArray();
        var result = await CliRunner.RunAsync(RepositoryPaths.Root, args);
        result.ExitCode.ShouldBe(0);
        result.Out.ShouldContain("Usage:");
        result.Out.ShouldContain("Description:");
    }

    [Fact]
    public async Task Version_PrintsVersion()
    {
        var result = await CliRunner.RunAsync(RepositoryPaths.Root, "--version");
        result.ExitCode.ShouldBe(0);
        result.Out.Trim().ShouldMatch(@"^\d+\.\d+\.\d+");
    }

    [Fact]
    public async Task UnknownCommand_IsUsageErrorWithPointerToHelp()
    {
        var result = await CliRunner.RunAsync(RepositoryPaths.Root, "config", "valdate");
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("valdate");
        result.Error.ShouldContain("Did you mean 'validate'?");
        result.Error.ShouldContain("--help");
    }
}
