using HomeOps.Runtime.Files;

namespace HomeOps.Runtime.Processes;

/// <summary>
/// Finds programs where users and this repository's scripts put them: PATH, then mise's shims (for a shell without
/// <c>mise activate</c>), then <c>.tools/bin</c> of the working directory or a folder above it (where
/// scripts/install-test-dependencies.sh installs helm).
/// </summary>
public static class ToolLocator
{
    /// <summary>Finds <paramref name="program"/> on the real disk (what <see cref="ProcessCommandRunner"/> runs).</summary>
    public static string? Find(string program, string? pathVariable = null, string? workingDirectory = null) =>
        Find(program, PhysicalFileSystem.Instance, pathVariable, workingDirectory);

    /// <summary>
    /// Finds <paramref name="program"/> through <paramref name="files"/>: PATH (the process's unless given), mise's
    /// shims, then .tools/bin upwards from <paramref name="workingDirectory"/> (the file system's working directory unless given).
    /// </summary>
    public static string? Find(string program, IFileSystem files, string? pathVariable = null, string? workingDirectory = null) =>
        Locate(
            program,
            pathVariable ?? Environment.GetEnvironmentVariable("PATH"),
            MiseShims(Environment.GetEnvironmentVariable("MISE_DATA_DIR"), Environment.GetEnvironmentVariable("XDG_DATA_HOME"), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)),
            workingDirectory ?? files.GetFullPath("."),
            files)?.Path;

    /// <summary>Where <paramref name="program"/> is found first (see <see cref="Sources"/>), and in which kind of folder; null when nowhere.</summary>
    public static ToolLocation? Locate(string program, string? pathVariable, string? miseShims, string workingDirectory, IFileSystem? files = null)
    {
        files ??= PhysicalFileSystem.Instance;
        if (program.Contains('/', StringComparison.Ordinal))
        {
            return files.FileExists(program) ? new ToolLocation(files.GetFullPath(program), ToolSource.Given) : null;
        }

        foreach (var (directory, source) in Sources(pathVariable, miseShims, workingDirectory))
        {
            var candidate = Path.Combine(directory, program);
            if (files.IsExecutable(candidate))
            {
                return new ToolLocation(candidate, source);
            }
        }

        return null;
    }

    /// <summary>The folders searched, in order: PATH's entries, mise's shims, then .tools/bin of the working directory and each folder above it.</summary>
    public static IEnumerable<string> SearchDirectories(string? pathVariable, string? miseShims, string workingDirectory) =>
        Sources(pathVariable, miseShims, workingDirectory).Select(s => s.Directory);

    /// <summary><see cref="SearchDirectories"/> with the kind of each folder.</summary>
    public static IEnumerable<(string Directory, ToolSource Source)> Sources(string? pathVariable, string? miseShims, string workingDirectory)
    {
        foreach (var directory in (pathVariable ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            yield return (directory, ToolSource.Path);
        }

        if (miseShims is not null)
        {
            yield return (miseShims, ToolSource.MiseShims);
        }

        for (var folder = workingDirectory; !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
        {
            yield return (Path.Combine(folder, ".tools", "bin"), ToolSource.RepositoryTools);
        }
    }

    /// <summary>mise's shim folder: $MISE_DATA_DIR/shims, else $XDG_DATA_HOME/mise/shims, else ~/.local/share/mise/shims.</summary>
    public static string? MiseShims(string? miseDataDir, string? xdgDataHome, string? home) =>
        miseDataDir is { Length: > 0 } ? Path.Combine(miseDataDir, "shims")
        : xdgDataHome is { Length: > 0 } ? Path.Combine(xdgDataHome, "mise", "shims")
        : home is { Length: > 0 } ? Path.Combine(home, ".local", "share", "mise", "shims")
        : null;
}

/// <summary>The kind of folder a program was found in.</summary>
public enum ToolSource
{
    /// <summary>A folder of PATH.</summary>
    Path,

    /// <summary>mise's shims (a shell without <c>mise activate</c>).</summary>
    MiseShims,

    /// <summary>The repository's .tools/bin (scripts/install-test-dependencies.sh).</summary>
    RepositoryTools,

    /// <summary>A path given as the program itself.</summary>
    Given,
}

/// <summary>A program found: its full path and the kind of folder it is in.</summary>
public sealed record ToolLocation(string Path, ToolSource Source);
