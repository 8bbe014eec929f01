using System.Diagnostics;
using HomeOps.Testing;

namespace HomeOps.Cli.Tests;

/// <summary>
/// ./homeops rebuilds the CLI only when a source changed or the build was made another way (an older version of the
/// script), not when a build (scripts/test.sh) rewrote bin/ or obj/. The script runs in a copy of the repository's
/// layout with a stand-in `dotnet` first on PATH that records that it was called and writes a program where the
/// publish would (the real publish takes minutes; what is tested is the script's decision).
/// </summary>
public sealed class HomeOpsScriptTests
{
    [Fact]
    public async Task HomeopsScript_RebuildsWhenASourceOrTheBuildModeChanged_NotWhenOnlyBuildOutputDid()
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
        var calls = Path.Combine(repo.Path, "dotnet-calls");
        var dotnet = repo.Write("fake-bin/dotnet", $$"""
            #!/bin/sh
            echo "$*" >> '{{calls}}'
            while [ $# -gt 0 ]; do
              if [ "$1" = "-o" ]; then mkdir -p "$2" && printf '#!/bin/sh\necho ran\n' > "$2/homeops" && chmod +x "$2/homeops"; fi
              shift
            done
            """.Replace("\r", string.Empty, StringComparison.Ordinal) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dotnet, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var cli = Path.Combine(repo.Path, ".build", "homeops", "homeops");
        var fakeBin = Path.GetDirectoryName(dotnet)!;

        (await RunAsync(script, fakeBin)).ShouldBe("ran");
        File.ReadAllText(calls).ShouldStartWith("publish ", Case.Sensitive, "the first run builds the CLI");
        File.Delete(calls);

        var published = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(source, published.AddDays(-1));
        File.SetLastWriteTimeUtc(cli, published);
        File.SetLastWriteTimeUtc(assets, published.AddDays(1));
        File.SetLastWriteTimeUtc(output, published.AddDays(1));
        (await RunAsync(script, fakeBin)).ShouldBe("ran");
        File.Exists(calls).ShouldBeFalse("only bin/ and obj/ changed, yet ./homeops called dotnet");

        File.SetLastWriteTimeUtc(source, published.AddDays(2));
        (await RunAsync(script, fakeBin)).ShouldBe("ran");
        File.ReadAllText(calls).ShouldStartWith("publish ");
        File.Delete(calls);

        File.WriteAllText(Path.Combine(repo.Path, ".build", "homeops", ".publish-mode"), "publish src/HomeOps.Cli --self-contained false");
        (await RunAsync(script, fakeBin)).ShouldBe("ran");
        File.ReadAllText(calls).ShouldStartWith("publish ", Case.Sensitive, "a build made another way is built again");
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
