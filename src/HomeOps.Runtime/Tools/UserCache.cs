namespace HomeOps.Runtime.Tools;

/// <summary>
/// Where HomeOps keeps caches: HOMEOPS_CACHE_DIR, else $XDG_CACHE_HOME/homeops, else ~/.cache/homeops
/// (on macOS ~/Library/Caches/homeops). Builds and charts are keyed by content, so the folder can be deleted any time.
/// </summary>
public static class UserCache
{
    public static string Directory()
    {
        if (Environment.GetEnvironmentVariable("HOMEOPS_CACHE_DIR") is { Length: > 0 } explicitDir)
        {
            return explicitDir;
        }

        if (Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg)
        {
            return Path.Combine(xdg, "homeops");
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return OperatingSystem.IsMacOS() ? Path.Combine(home, "Library", "Caches", "homeops") : Path.Combine(home, ".cache", "homeops");
    }
}
