using HomeOps.Runtime.Processes;

namespace HomeOps.Runtime.Tests.Processes;

public sealed class ToolLocatorTests
{
    [Fact]
    public void SearchDirectories_PathThenMiseShimsThenToolsBinUpwards()
    {
        ToolLocator.SearchDirectories("/usr/local/bin:/usr/bin", "/home/u/.local/share/mise/shims", "/home/u/home-ops/apps").ShouldBe(
        [
            "/usr/local/bin", "/usr/bin", "/home/u/.local/share/mise/shims",
            "/home/u/home-ops/apps/.tools/bin", "/home/u/home-ops/.tools/bin", "/home/u/.tools/bin", "/home/.tools/bin", "/.tools/bin",
        ]);
    }

    [Theory]
    [InlineData("/data/mise", "/xdg", "/home/u", "/data/mise/shims")]
    [InlineData(null, "/xdg", "/home/u", "/xdg/mise/shims")]
    [InlineData("", "", "/home/u", "/home/u/.local/share/mise/shims")]
    [InlineData(null, null, null, null)]
    public void MiseShims_FollowsMiseDataDirThenXdgThenHome(string? miseDataDir, string? xdg, string? home, string? expected) =>
        ToolLocator.MiseShims(miseDataDir, xdg, home).ShouldBe(expected);

    [Fact]
    public void Find_ProgramOnlyInToolsBinAboveTheWorkingDirectory_IsFound()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes");
            return;
        }
        var root = Directory.CreateTempSubdirectory("homeops-tools-").FullName;
        try
        {
            var bin = Directory.CreateDirectory(Path.Combine(root, ".tools", "bin")).FullName;
            var program = Path.Combine(bin, "homeops-test-tool");
            File.WriteAllText(program, "#!/bin/sh\n");
            File.SetUnixFileMode(program, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var below = Directory.CreateDirectory(Path.Combine(root, "apps", "demo")).FullName;
            ToolLocator.Find("homeops-test-tool", pathVariable: string.Empty, workingDirectory: below).ShouldBe(program);
            ToolLocator.Find("homeops-no-such-tool", pathVariable: string.Empty, workingDirectory: below).ShouldBeNull();
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
