using System.Collections.Concurrent;
using HomeOps.Core.GitOps.Build;
using HomeOps.Runtime.Files;

namespace HomeOps.Operations.GitOps;

/// <summary><see cref="ISourceTree"/> over a folder on disk; file texts are read once and cached.</summary>
public sealed class DiskSourceTree(IFileSystem files, string root) : ISourceTree
{
    private static readonly HashSet<string> s_skippedDirectories = new(StringComparer.Ordinal) { ".git", "bin", "obj", "node_modules", ".build", ".tools", "TestResults" };

    private readonly ConcurrentDictionary<string, string?> _texts = new(StringComparer.Ordinal);

    public string Root => root;

    public string Absolute(string path) => path.Length == 0 ? root : Path.Combine(root, path);

    public bool FileExists(string path) => files.FileExists(Absolute(path));

    public bool DirectoryExists(string path) => files.DirectoryExists(Absolute(path));

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
    public IReadOnlyList<string> AllFiles()
    {
        var result = new List<string>();
        var stack = new Stack<string>([string.Empty]);
        while (stack.Count > 0)
        {
            var dir = stack.Pop();
            result.AddRange(Files(dir));
            foreach (var sub in Directories(dir))
            {
                stack.Push(sub);
            }
        }

        result.Sort(StringComparer.Ordinal);
        return result;
    }

    private string Relative(string full) => Path.GetRelativePath(root, full).Replace('\\', '/');
}
