using System.Diagnostics;

namespace HomeOps.Cli.Tests;

/// <summary>
/// The CLI process records a multi-core JIT profile per command in the user's cache folder (the built `homeops`
/// program is started, since the runtime writes the profile when the process ends), and does not when told not to.
/// </summary>
public sealed class JitProfileTests
{
    private static string Program => Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "homeops.exe" : "homeops");

    [Theory]
    [InlineData(new[] { "validate", "--offline", "--changed-only" }, "validate.jitprofile")]
    [InlineData(new[] { "talos", "render", "--out", "x" }, "talos_render.jitprofile")]
    [InlineData(new[] { "config", "validate" }, "config_validate.jitprofile")]
    [InlineData(new[] { "--version" }, "homeops.jitprofile")]
    [InlineData(new[] { "validate", "/tmp/Some Path" }, "validate.jitprofile")]
    public void FileName_IsTheCommandsWords(string[] args, string expected) => JitProfile.FileName(args).ShouldBe(expected);

    [Fact]
    public async Task Run_WritesTheCommandsProfile_UnlessTurnedOff()
    {
        if (Environment.ProcessorCount < 2)
        {
            Assert.Skip("the runtime ignores multi-core JIT profiles on a machine with one core");
        }

        using var cache = new TempDirectory();
        (await RunAsync(cache.Path, disable: false, "config", "--help")).ShouldBe(0);
        File.Exists(Path.Combine(cache.Path, "jit", "config.jitprofile")).ShouldBeTrue("the process ended without writing its JIT profile");

        using var off = new TempDirectory();
        (await RunAsync(off.Path, disable: true, "config", "--help")).ShouldBe(0);
        Directory.Exists(Path.Combine(off.Path, "jit")).ShouldBeFalse();
    }

    [Fact]
    public async Task Run_WithADamagedProfile_IgnoresItAndWritesANewOne()
    {
        if (Environment.ProcessorCount < 2)
        {
            Assert.Skip("the runtime ignores multi-core JIT profiles on a machine with one core");
        }

        // What two processes ending at once could leave (the runtime writes the profile in place): cut short, or noise.
        using var cache = new TempDirectory();
        var profile = cache.Write("jit/config.jitprofile", string.Empty);
        foreach (var damaged in new[] { "MCJ\u0001\u0000", new string('\u00ff', 5000) })
        {
            File.WriteAllText(profile, damaged);
            (await RunAsync(cache.Path, disable: false, "config", "--help")).ShouldBe(0);
            File.ReadAllText(profile).ShouldNotBe(damaged, "the damaged profile was not replaced");
        }
    }

    [Fact]
    public async Task Run_WithACacheFolderThatCannotBeCreated_StillWorks()
    {
        using var cache = new TempDirectory();
        var blocked = cache.Write("not-a-folder", "a file where the cache folder would be\n");
        (await RunAsync(blocked, disable: false, "config", "--help")).ShouldBe(0);
    }

    private static async Task<int> RunAsync(string cacheDirectory, bool disable, params string[] args)
    {
        var start = new ProcessStartInfo(Program, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["HOMEOPS_CACHE_DIR"] = cacheDirectory;
        start.Environment[JitProfile.DisableVariable] = disable ? "1" : null;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        await Task.WhenAll(output, error);
        return process.ExitCode;
    }
}
