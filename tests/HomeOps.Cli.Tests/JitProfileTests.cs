using System.Diagnostics;

namespace HomeOps.Cli.Tests;

/// <summary>
/// The CLI process records a multi-core JIT profile per command in the user's cache folder (the built `homeops`
/// program is started, since the runtime writes the profile when the process ends), and does not when told not to.
/// A run whose profile is fresh ends without the runtime's shutdown: its output and exit code are those of a run
/// that ends normally, and the profile is left as it was.
/// </summary>
public sealed class JitProfileTests
{
    private static string Program => Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "homeops.exe" : "homeops");

    [Theory]
    [InlineData(new[] { "validate", "--offline", "--changed-only" }, "validate_changed-only_offline.jitprofile")]
    [InlineData(new[] { "validate", "--changed-only", "--offline", "--offline" }, "validate_changed-only_offline.jitprofile")]
    [InlineData(new[] { "talos", "render", "--out", "x" }, "talos_render_out.jitprofile")]
    [InlineData(new[] { "validate", "--path=../Other Tree", "--format", "json" }, "validate_format_path.jitprofile")]
    [InlineData(new[] { "config", "validate" }, "config_validate.jitprofile")]
    [InlineData(new[] { "--version" }, "version.jitprofile")]
    [InlineData(new[] { "-h" }, "homeops.jitprofile")]
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
        File.Exists(Path.Combine(cache.Path, "jit", "config_help.jitprofile")).ShouldBeTrue("the process ended without writing its JIT profile");

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
        var profile = cache.Write("jit/config_help.jitprofile", string.Empty);
        foreach (var damaged in new[] { "MCJ\u0001\u0000", new string('\u00ff', 5000) })
        {
            File.WriteAllText(profile, damaged);
            (await RunAsync(cache.Path, disable: false, "config", "--help")).ShouldBe(0);
            File.ReadAllText(profile).ShouldNotBe(damaged, "the damaged profile was not replaced");
        }
    }

    [Theory]
    [InlineData("docs", "--help")]
    [InlineData("docs", "--no-such-option")]
    public async Task Run_WithAFreshProfile_EndsWithTheSameOutputAndExitCode_AndLeavesTheProfile(params string[] args)
    {
        if (Environment.ProcessorCount < 2)
        {
            Assert.Skip("the runtime ignores multi-core JIT profiles on a machine with one core");
        }

        using var cache = new TempDirectory();
        var normal = await RunWithOutputAsync(cache.Path, disable: true, args);
        var profile = Path.Combine(cache.Path, "jit", JitProfile.FileName(args));

        // A run ends at once when the profile is fresh and the run took about as long as the one that recorded it;
        // each run that ends normally records its own time, so within a few runs one ends at once.
        var endedAtOnce = 0;
        for (var run = 0; run < 10 && endedAtOnce == 0; run++)
        {
            var before = File.Exists(profile) ? File.ReadAllBytes(profile) : null;
            var written = File.Exists(profile) ? File.GetLastWriteTimeUtc(profile) : default;
            var result = await RunWithOutputAsync(cache.Path, disable: false, args);

            result.ShouldBe(normal, $"run {run}");
            if (before is not null && File.GetLastWriteTimeUtc(profile) == written && File.ReadAllBytes(profile).SequenceEqual(before))
            {
                endedAtOnce++;
            }
        }

        JitProfile.IsFresh(profile, JitProfile.BuiltAt(Program), DateTime.UtcNow).ShouldBeTrue();
        endedAtOnce.ShouldBe(1, "no run with a fresh profile ended without rewriting it");
    }

    [Fact]
    public void IsFresh_OnlyAProfileTheRuntimeWrote_AfterTheBuild_AndYoungerThanTheRefresh()
    {
        using var folder = new TempDirectory();
        var now = DateTime.UtcNow;
        var built = now.AddMinutes(-30);
        var header = new byte[] { 0x40, 0x00, 0x00, 0x01 }.Concat(new byte[96]).ToArray();
        var profile = Path.Combine(folder.Path, "validate.jitprofile");

        JitProfile.IsFresh(profile, built, now).ShouldBeFalse("missing");
        File.WriteAllBytes(profile, header);
        File.SetLastWriteTimeUtc(profile, now.AddMinutes(-10));
        JitProfile.IsFresh(profile, built, now).ShouldBeTrue();
        JitProfile.IsFresh(profile, built, now + JitProfile.RefreshAfter).ShouldBeFalse("older than the refresh");
        JitProfile.IsFresh(profile, now.AddMinutes(-5), now).ShouldBeFalse("HomeOps was built after the profile was written");
        File.WriteAllBytes(profile, [0x4D, 0x43, 0x4A, .. new byte[96]]);
        File.SetLastWriteTimeUtc(profile, now.AddMinutes(-10));
        JitProfile.IsFresh(profile, built, now).ShouldBeFalse("not the runtime's header");
        File.WriteAllBytes(profile, header[..20]);
        File.SetLastWriteTimeUtc(profile, now.AddMinutes(-10));
        JitProfile.IsFresh(profile, built, now).ShouldBeFalse("cut short");
    }

    [Fact]
    public void BuiltAt_IsTheNewestOfTheProgramAndHomeOpsAssemblies()
    {
        using var folder = new TempDirectory();
        var program = folder.Write("homeops", "program\n");
        File.SetLastWriteTimeUtc(program, DateTime.UtcNow.AddDays(1));

        JitProfile.BuiltAt(program).ShouldBe(File.GetLastWriteTimeUtc(program));
        JitProfile.BuiltAt(null).ShouldBeGreaterThanOrEqualTo(File.GetLastWriteTimeUtc(typeof(JitProfile).Assembly.Location));
    }

    [Theory]
    [InlineData(250, 250, true)]
    [InlineData(310, 250, true)]
    [InlineData(250, 370, true)]
    [InlineData(3000, 250, false)]
    [InlineData(150, 250, false)]
    [InlineData(0, 250, false)]
    [InlineData(null, 250, false)]
    public void IsSimilar_ARunWithinTheRatioOfTheRecordingRun(int? recordedMs, int nowMs, bool similar) =>
        JitProfile.IsSimilar(recordedMs is { } r ? TimeSpan.FromMilliseconds(r) : null, TimeSpan.FromMilliseconds(nowMs)).ShouldBe(similar);

    [Fact]
    public async Task Run_WithACacheFolderThatCannotBeCreated_StillWorks()
    {
        using var cache = new TempDirectory();
        var blocked = cache.Write("not-a-folder", "a file where the cache folder would be\n");
        (await RunAsync(blocked, disable: false, "config", "--help")).ShouldBe(0);
    }

    private static async Task<int> RunAsync(string cacheDirectory, bool disable, params string[] args) =>
        (await RunWithOutputAsync(cacheDirectory, disable, args)).ExitCode;

    private static async Task<(int ExitCode, string Output, string Error)> RunWithOutputAsync(string cacheDirectory, bool disable, params string[] args)
    {
        var start = new ProcessStartInfo(Program, args) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["HOMEOPS_CACHE_DIR"] = cacheDirectory;
        start.Environment[JitProfile.DisableVariable] = disable ? "1" : null;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        await Task.WhenAll(output, error);
        return (process.ExitCode, await output, await error);
    }
}
