using System.Diagnostics;
using HomeOps.Testing;

namespace HomeOps.Cli.Tests;

/// <summary>
/// ./homeops rebuilds the CLI only when a source changed, not when a build (scripts/test.sh) rewrote bin/ or obj/.
/// The script runs in a copy of the repository's layout with a stand-in `dotnet` first on PATH that only records
/// that it was called (the real publish takes minutes; what is tested is the script's decision).
/// </summary>
public sealed class HomeOpsScriptTests
{
    [Fact]
    public async Task HomeopsScript_RebuildsWhenASourceChanged_NotWhenOnlyBuildOutputDid()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("./homeops is a bash script");
        }

        using var repo = new TempDirectory();
        var script = repo.Write("homeops", File.ReadAllText(RepositoryPaths.Combine("homeops")));
        var source = repo.Write("src/App/Program.cs", "// source\n");
        var assets = repo.Write("src/App/obj/project.assets.json", "{}\n");
        var output = repo.Write("src/App/bin/Debug/App.dll", "binary\n");
        var cli = repo.Write(".build/homeops/homeops", "#!/bin/sh\necho ran\n");
        var calls = Path.Combine(repo.Path, "dotnet-calls");
        var dotnet = repo.Write("fake-bin/dotnet", $"#!/bin/sh\necho \"$*\" >> '{calls}'\n");
        foreach (var program in new[] { cli, dotnet })
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(program, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        var published = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(source, published.AddDays(-1));
        File.SetLastWriteTimeUtc(cli, published);
        File.SetLastWriteTimeUtc(assets, published.AddDays(1));
        File.SetLastWriteTimeUtc(output, published.AddDays(1));

        var unchanged = await RunAsync(script, Path.GetDirectoryName(dotnet)!);
        unchanged.ShouldBe("ran");
        File.Exists(calls).ShouldBeFalse("only bin/ and obj/ changed, yet ./homeops called dotnet");

        File.SetLastWriteTimeUtc(source, published.AddDays(2));
        var changed = await RunAsync(script, Path.GetDirectoryName(dotnet)!);
        changed.ShouldBe("ran");
        File.ReadAllText(calls).ShouldStartWith("publish ");
    }

    private static async Task<string> RunAsync(string script, string fakeBin)
    {
        var start = new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PATH"] = $"{fakeBin}:/usr/bin:/bin";
        using var process = Process.Start(start)!;
        var stdout = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        process.ExitCode.ShouldBe(0, await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken));
        return stdout.Trim();
    }
}
