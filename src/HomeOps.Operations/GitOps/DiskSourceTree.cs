using System.Collections.Concurrent;
using HomeOps.Core.GitOps.Build;
using HomeOps.Runtime.Files;

namespace HomeOps.Operations.GitOps;

/// <summary><see cref="ISourceTree"/> over a folder on disk; file texts and whether paths exist are read once and remembered for the run.</summary>
public sealed class DiskSourceTree(IFileSystem files, string root) : ISourceTree
{
    private static readonly HashSet<string> s_skippedDirectories = new(StringComparer.Ordinal) { ".git", "bin", "obj", "node_modules", ".build", ".tools", "TestResults" };

    private readonly ConcurrentDictionary<string, string?> _texts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _directories = new(StringComparer.Ordinal);

    public string Root => root;

    public string Absolute(string path) => path.Length == 0 ? root : Path.Combine(root, path);

    // The tree is read as it is when the run starts, like its texts: each build asks about the same paths again.
    public bool FileExists(string path) => _files.GetOrAdd(path, p => files.FileExists(Absolute(p)));

    public bool DirectoryExists(string path) => _directories.GetOrAdd(path, p => files.DirectoryExists(Absolute(p)));

    public string? ReadText(string path) => _texts.GetOrAdd(path, p =>
    {
        try
        {
            var full = Absolute(p);
            return files.FileExists(full) && files.FileSize(full) <= 8 * 1024 * 1024 ? files.ReadAllText(full) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    });

    public IReadOnlyList<string> Files(string directory) =>
        [.. files.EnumerateFiles(Absolute(directory), "*", recursive: false).Select(Relative).Order(StringComparer.Ordinal)];

    public IReadOnlyList<string> Directories(string directory) =>
        [.. files.EnumerateDirectories(Absolute(directory)).Where(d => !s_skippedDirectories.Contains(Path.GetFileName(d))).Select(Relative).Order(StringComparer.Ordinal)];

    /// <summary>Every file below the root (for folders that are not git repositories), skipping build output.</summary>
    public IReadOnlyList<string> AllFiles() => [.. AllFileStamps().Select(f => f.Path)];

    /// <summary><see cref="AllFiles"/> with each file's size and write time, read in the same pass (paths relative to the root, in ordinal order).</summary>
    public IReadOnlyList<FileStamp> AllFileStamps()
    {
        var stamps = files.StampFilesBelow(root, s_skippedDirectories.Contains).Select(f => f with { Path = Relative(f.Path) }).ToList();
        stamps.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return stamps;
    }

    private string Relative(string full) =>
        full.Length > root.Length && full.StartsWith(root, StringComparison.Ordinal) && full[root.Length] == Path.DirectorySeparatorChar && Path.DirectorySeparatorChar == '/'
            ? full[(root.Length + 1)..]
            : Path.GetRelativePath(root, full).Replace('\\', '/');
}
