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
/// The runtime writes the profile when the process ends, in thousands of small writes (about 35 ms on a 2-core
/// machine, as long as the playback saves), and offers no way to play a profile back without recording a new one
/// (DOTNET_MultiCoreJitNoProfileGather is read from the environment only). So a run whose profile is fresh (valid,
/// newer than this build and younger than <see cref="RefreshAfter"/>) ends the process directly, after flushing its
/// output, without the runtime's shutdown; a run without one ends normally and writes it. A profile from another
/// build is ignored by the runtime; a folder that cannot be written only costs the speed-up.
/// HOMEOPS_NO_JIT_PROFILE=1 turns it off.
/// </remarks>
public sealed class JitProfile
{
    public const string DisableVariable = "HOMEOPS_NO_JIT_PROFILE";

    /// <summary>How long a profile is played back before a run records it again (the commands' paths change as the tree does).</summary>
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromHours(1);

    // The runtime's profile header: record id 1 in the top byte, the header's 64-byte size below it.
    private static readonly byte[] s_header = [0x40, 0x00, 0x00, 0x01];

    private readonly bool _fresh;

    private JitProfile(bool fresh) => _fresh = fresh;

    /// <summary>Starts recording (and playing back) the profile of the command <paramref name="args"/> name.</summary>
    public static JitProfile Start(string[] args)
    {
        if (Environment.GetEnvironmentVariable(DisableVariable) is { Length: > 0 } off && off != "0")
        {
            return new JitProfile(fresh: false);
        }

        try
        {
            var folder = Path.Combine(UserCache.Directory(), "jit");
            Directory.CreateDirectory(folder);
            var fresh = IsFresh(Path.Combine(folder, FileName(args)), Environment.ProcessPath, TimeProvider.System.GetUtcNow().UtcDateTime);
            ProfileOptimization.SetProfileRoot(folder);
            ProfileOptimization.StartProfile(FileName(args));
            return new JitProfile(fresh);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No profile: the run is only slower.
            return new JitProfile(fresh: false);
        }
    }

    /// <summary>
    /// Ends the run with <paramref name="exitCode"/>: at once when the profile is fresh (the output flushed first; on
    /// Windows, and when the profile is to be written, the caller returns normally).
    /// </summary>
    public int Exit(int exitCode)
    {
        if (_fresh && !OperatingSystem.IsWindows())
        {
            Console.Out.Flush();
            Console.Error.Flush();
            ExitNow(exitCode);
        }

        return exitCode;
    }

    /// <summary>Whether the profile at <paramref name="path"/> is one the runtime wrote, newer than the program and than <see cref="RefreshAfter"/>.</summary>
    public static bool IsFresh(string path, string? program, DateTime now)
    {
        var profile = new FileInfo(path);
        if (!profile.Exists || profile.Length < 64 || now - profile.LastWriteTimeUtc > RefreshAfter
            || (program is not null && File.GetLastWriteTimeUtc(program) > profile.LastWriteTimeUtc))
        {
            return false;
        }

        Span<byte> header = stackalloc byte[4];
        using var stream = profile.OpenRead();
        return stream.ReadAtLeast(header, 4, throwOnEndOfStream: false) == 4 && header.SequenceEqual(s_header);
    }

    /// <summary>The profile's file name: the command's words before the first option (`validate`, `talos_render`), else `homeops`.</summary>
    public static string FileName(IEnumerable<string> args)
    {
        var words = args.TakeWhile(a => a.Length > 0 && a.All(c => char.IsAsciiLetterLower(c) || c == '-') && !a.StartsWith('-')).Take(3).ToList();
        return (words.Count == 0 ? "homeops" : string.Join('_', words)) + ".jitprofile";
    }

    [DllImport("libc", EntryPoint = "_exit")]
    private static extern void ExitNow(int status);
}
