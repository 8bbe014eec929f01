using System.Runtime;
using HomeOps.Runtime.Tools;

namespace HomeOps.Cli;

/// <summary>
/// The runtime's multi-core JIT for the CLI process: each command records which methods it compiled into
/// <c>jit/&lt;command&gt;.jitprofile</c> in the user's cache folder, and the next run of that command compiles them
/// ahead of use on another core. ReadyToRun leaves over a thousand methods to compile at run time in a
/// `validate` (generic code over HomeOps types); on a 2-core machine this takes them off the path of the run.
/// A profile from another build is ignored by the runtime; a folder that cannot be written only costs the
/// speed-up. HOMEOPS_NO_JIT_PROFILE=1 turns it off.
/// </summary>
public static class JitProfile
{
    public const string DisableVariable = "HOMEOPS_NO_JIT_PROFILE";

    /// <summary>Starts recording (and playing back) the profile of the command <paramref name="args"/> name.</summary>
    public static void Start(string[] args)
    {
        if (Environment.GetEnvironmentVariable(DisableVariable) is { Length: > 0 } off && off != "0")
        {
            return;
        }

        try
        {
            var folder = Path.Combine(UserCache.Directory(), "jit");
            Directory.CreateDirectory(folder);
            ProfileOptimization.SetProfileRoot(folder);
            ProfileOptimization.StartProfile(FileName(args));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No profile: the run is only slower.
        }
    }

    /// <summary>The profile's file name: the command's words before the first option (`validate`, `talos_render`), else `homeops`.</summary>
    public static string FileName(IEnumerable<string> args)
    {
        var words = args.TakeWhile(a => a.Length > 0 && a.All(c => char.IsAsciiLetterLower(c) || c == '-') && !a.StartsWith('-')).Take(3).ToList();
        return (words.Count == 0 ? "homeops" : string.Join('_', words)) + ".jitprofile";
    }
}
