using HomeOps.Core.ClusterConfig;
using HomeOps.Runtime.Files;

namespace HomeOps.Operations;

/// <summary>
/// Where HomeOps works: the repository root (the folder holding cluster.yaml) and the cluster.yaml path.
/// Paths in diagnostics are shown relative to <see cref="DisplayBase"/> (the working directory).
/// </summary>
public sealed record Workspace(string Root, string ClusterFile, string DisplayBase, IFileSystem Files)
{
    /// <summary>
    /// Uses <paramref name="clusterFile"/> when given; otherwise looks for cluster.yaml in the working directory and
    /// its parents, so `homeops check` works from any folder of the repository.
    /// </summary>
    public static Workspace Locate(IFileSystem files, string workingDirectory, string? clusterFile)
    {
        if (clusterFile is not null)
        {
            var full = Path.GetFullPath(clusterFile, workingDirectory);
            return new Workspace(Path.GetDirectoryName(full)!, full, workingDirectory, files);
        }

        for (var dir = workingDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            var candidate = Path.Combine(dir, ClusterConfigLoader.DefaultFileName);
            if (files.FileExists(candidate))
            {
                return new Workspace(dir, candidate, workingDirectory, files);
            }
        }

        return new Workspace(workingDirectory, Path.Combine(workingDirectory, ClusterConfigLoader.DefaultFileName), workingDirectory, files);
    }

    public string Display(string path)
    {
        var relative = Path.GetRelativePath(DisplayBase, path);
        // Paths a few folders up stay relative (../cluster.yaml); anything further is clearer absolute.
        var climbs = relative.Split(Path.DirectorySeparatorChar).TakeWhile(p => p == "..").Count();
        return climbs > 2 ? path : relative;
    }

    public string PathOf(string repositoryRelative) => Path.Combine(Root, repositoryRelative);

    /// <summary>
    /// The text of a file a diagnostic names (its display path), for the source lines under it; null when it is
    /// missing, over 1 MiB, unreadable, or a file any of <paramref name="diagnostics"/> marks as secret (a Talos
    /// secrets bundle is never quoted).
    /// </summary>
    public Func<string, string?> SourceLookup(IEnumerable<Core.Diagnostics.Diagnostic> diagnostics)
    {
        var secretFiles = diagnostics.Where(d => d.SourceIsSecret).Select(d => d.Location.Path).ToHashSet(StringComparer.Ordinal);
        return path => secretFiles.Contains(path) ? null : ReadForDisplay(path);
    }

    private string? ReadForDisplay(string displayPath)
    {
        try
        {
            var full = Path.GetFullPath(displayPath, DisplayBase);
            return Files.FileExists(full) && Files.FileSize(full) < 1024 * 1024 ? Files.ReadAllText(full) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
