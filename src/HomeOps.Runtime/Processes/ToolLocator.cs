namespace HomeOps.Runtime.Processes;

/// <summary>
/// Finds programs where users and this repository's scripts put them: PATH, then mise's shims (for a shell without
/// <c>mise activate</c>), then <c>.tools/bin</c> of the working directory or a folder above it (where
/// scripts/install-test-dependencies.sh installs helm).
/// </summary>
public static class ToolLocator
{
    public static string? Find(string program, string? pathVariable = null, string? workingDirectory = null)
    {
        if (program.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(program) ? Path.GetFullPath(program) : null;
        }

        var directories = SearchDirectories(
            pathVariable ?? Environment.GetEnvironmentVariable("PATH"),
            MiseShims(Environment.GetEnvironmentVariable("MISE_DATA_DIR"), Environment.GetEnvironmentVariable("XDG_DATA_HOME"), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)),
            workingDirectory ?? Directory.GetCurrentDirectory());
        foreach (var directory in directories)
        {
            var candidate = Path.Combine(directory, program);
            if (File.Exists(candidate) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(candidate) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The folders searched, in order: PATH's entries, mise's shims, then .tools/bin of the working directory and each folder above it.</summary>
    public static IEnumerable<string> SearchDirectories(string? pathVariable, string? miseShims, string workingDirectory)
    {
        foreach (var directory in (pathVariable ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            yield return directory;
        }

        if (miseShims is not null)
        {
            yield return miseShims;
        }

        for (var folder = workingDirectory; !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
        {
            yield return Path.Combine(folder, ".tools", "bin");
        }
    }

    /// <summary>mise's shim folder: $MISE_DATA_DIR/shims, else $XDG_DATA_HOME/mise/shims, else ~/.local/share/mise/shims.</summary>
    public static string? MiseShims(string? miseDataDir, string? xdgDataHome, string? home) =>
        miseDataDir is { Length: > 0 } ? Path.Combine(miseDataDir, "shims")
        : xdgDataHome is { Length: > 0 } ? Path.Combine(xdgDataHome, "mise", "shims")
        : home is { Length: > 0 } ? Path.Combine(home, ".local", "share", "mise", "shims")
        : null;
}
