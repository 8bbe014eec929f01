using System.Runtime;
using System.Runtime.InteropServices;
using HomeOps.Runtime.Tools;

namespace HomeOps.Cli;

/// <summary>
/// The runtime's multi-core JIT for the CLI process: each command records which methods it compiled into
/// <c>jit/&lt;command&gt;.jitprofile</c> in the user's cache folder, and the next run of that command compiles them
/// ahead of use on another core. ReadyToRun leaves several hundred methods to compile at run time in a `validate`
/// (generic code over HomeOps types); on a 2-core machine this takes them off the path of the run.
/// </summary>
/// <remarks>
/// <para>
/// The runtime writes the profile when the process ends, in thousands of small writes (about 35 ms on a 2-core
/// machine, as long as the playback saves), and offers no way to play a profile back without recording a new one
/// (DOTNET_MultiCoreJitNoProfileGather is read from the environment only). So a run whose profile is fresh (valid,
/// newer than this build, younger than <see cref="RefreshAfter"/>) and was recorded by a run like this one ends the
/// process directly, after flushing its output, without the runtime's shutdown; any other run ends normally and
/// writes it.
/// </para>
/// <para>
/// A profile must match the run that plays it back: the runtime compiles every method it lists, so the profile of a
/// run that built the whole tree costs a run that builds nothing more than it saves. Hence one profile per command
/// and set of options (<see cref="FileName"/>), and "like this one" means a wall time within
/// <see cref="SimilarRatio"/> of the recording run's (kept beside the profile): a run that took another path (the
/// result from the cache, or every build done again) records its own. A profile from another build is ignored by
/// the runtime; a folder that cannot be written only costs the speed-up. HOMEOPS_NO_JIT_PROFILE=1 turns it off.
/// </para>
/// </remarks>
public sealed class JitProfile
{
    public const string DisableVariable = "HOMEOPS_NO_JIT_PROFILE";

    /// <summary>How long a profile is played back before a run records it again (the commands' paths change as the tree does).</summary>
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromHours(1);

    /// <summary>How much longer or shorter than the recording run a run may take and still count as the same path.</summary>
    public const double SimilarRatio = 1.5;

    // The runtime's profile header: record id 1 in the top byte, the header's 64-byte size below it.
    private static readonly byte[] s_header = [0x40, 0x00, 0x00, 0x01];

    private readonly string? _profile;
    private readonly bool _fresh;
    private readonly long _started = System.Diagnostics.Stopwatch.GetTimestamp();

    private JitProfile(string? profile, bool fresh)
    {
        _profile = profile;
        _fresh = fresh;
    }

    /// <summary>Starts recording (and playing back) the profile of the command and options <paramref name="args"/> name.</summary>
    public static JitProfile Start(string[] args)
    {
        if (Environment.GetEnvironmentVariable(DisableVariable) is { Length: > 0 } off && off != "0")
        {
            return new JitProfile(profile: null, fresh: false);
        }

        try
        {
            var folder = Path.Combine(UserCache.Directory(), "jit");
            Directory.CreateDirectory(folder);
            var profile = Path.Combine(folder, FileName(args));
            var fresh = IsFresh(profile, BuiltAt(Environment.ProcessPath), TimeProvider.System.GetUtcNow().UtcDateTime);
            ProfileOptimization.SetProfileRoot(folder);
            ProfileOptimization.StartProfile(FileName(args));
            return new JitProfile(profile, fresh);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No profile: the run is only slower.
            return new JitProfile(profile: null, fresh: false);
        }
    }

    /// <summary>
    /// Ends the run with <paramref name="exitCode"/>: at once when the profile is fresh and was recorded by a run like
    /// this one (the output flushed first); otherwise (and on Windows) the caller returns normally, and the runtime
    /// writes the profile, with this run's time beside it.
    /// </summary>
    public int Exit(int exitCode)
    {
        if (_profile is null)
        {
            return exitCode;
        }

        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(_started);
        if (_fresh && MayEndAtOnce() && IsSimilar(Recorded(_profile), elapsed))
        {
            Console.Out.Flush();
            Console.Error.Flush();
            try
            {
                ExitNow(exitCode);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // A C library without _exit: end normally.
            }
        }

        try
        {
            File.WriteAllText(_profile + ".run", ((long)elapsed.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Without the time, the next run records the profile again.
        }

        return exitCode;
    }

    /// <summary>
    /// Whether ending without the runtime's shutdown loses nothing: not on Windows; no terminal on any of the three
    /// standard streams (the runtime restores a terminal's settings at exit, and a terminal's output may need its
    /// keypad mode reset); no event trace or profiler attached, which write their data at exit.
    /// </summary>
    private static bool MayEndAtOnce() =>
        !OperatingSystem.IsWindows()
        && Console.IsInputRedirected && Console.IsOutputRedirected && Console.IsErrorRedirected
        && Environment.GetEnvironmentVariable("DOTNET_EnableEventPipe") is null or "0"
        && Environment.GetEnvironmentVariable("CORECLR_ENABLE_PROFILING") is null or "0";

    /// <summary>Whether a run of <paramref name="now"/> took the path of the one that recorded the profile in <paramref name="recorded"/>.</summary>
    public static bool IsSimilar(TimeSpan? recorded, TimeSpan now) =>
        recorded is { TotalMilliseconds: > 0 } then
        && now.TotalMilliseconds <= then.TotalMilliseconds * SimilarRatio
        && now.TotalMilliseconds * SimilarRatio >= then.TotalMilliseconds;

    private static TimeSpan? Recorded(string profile)
    {
        try
        {
            return long.TryParse(File.ReadAllText(profile + ".run"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ms)
                ? TimeSpan.FromMilliseconds(ms) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Whether the profile at <paramref name="path"/> is one the runtime wrote, after <paramref name="builtAt"/>, and younger than <see cref="RefreshAfter"/>.</summary>
    public static bool IsFresh(string path, DateTime builtAt, DateTime now)
    {
        var profile = new FileInfo(path);
        if (!profile.Exists || profile.Length < 64 || now - profile.LastWriteTimeUtc > RefreshAfter
            || builtAt > profile.LastWriteTimeUtc)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[4];
        using var stream = profile.OpenRead();
        return stream.ReadAtLeast(header, 4, throwOnEndOfStream: false) == 4 && header.SequenceEqual(s_header);
    }

    /// <summary>When HomeOps was last built: the newest write time of <paramref name="program"/> and of its assemblies (a rebuild may leave the program file as it was).</summary>
    public static DateTime BuiltAt(string? program) =>
        new[] { program ?? string.Empty, typeof(JitProfile).Assembly.Location, typeof(Core.Yaml.YamlReader).Assembly.Location }
            .Where(l => l.Length > 0 && File.Exists(l)).Select(File.GetLastWriteTimeUtc).DefaultIfEmpty(DateTime.MinValue).Max();

    /// <summary>
    /// The profile's file name: the command's words before the first option, then the options' names sorted, each
    /// once, without their values (`validate_changed-only_offline`, `talos_render_out`), else `homeops`.
    /// </summary>
    public static string FileName(IEnumerable<string> args)
    {
        var list = args.ToList();
        var words = list.TakeWhile(a => a.Length > 0 && a.All(c => char.IsAsciiLetterLower(c) || c == '-') && !a.StartsWith('-')).Take(3);
        var options = list.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Length > 2)
            .Select(a => new string([.. a[2..].TakeWhile(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')]))
            .Where(o => o.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var name = string.Join('_', words.Concat(options));
        return (name.Length == 0 ? "homeops" : name) + ".jitprofile";
    }

    [DllImport("libc", EntryPoint = "_exit")]
    private static extern void ExitNow(int status);
}
