using HomeOps.Core.GitOps.Build;

namespace HomeOps.Core.Tests.GitOps;

/// <summary>An <see cref="ISourceTree"/> over a dictionary of repository-relative paths to file texts.</summary>
internal sealed class MemorySourceTree(Dictionary<string, string> files) : ISourceTree
{
    public bool FileExists(string path) => files.ContainsKey(path);

    public bool DirectoryExists(string path) => files.Keys.Any(f => f.StartsWith(path + "/", StringComparison.Ordinal));

    public string? ReadText(string path) => files.GetValueOrDefault(path);

    public IReadOnlyList<string> Files(string directory) =>
        [.. files.Keys.Where(f => RepoPath.Directory(f) == directory).Order(StringComparer.Ordinal)];

    public IReadOnlyList<string> Directories(string directory) =>
        [.. files.Keys.Select(RepoPath.Directory).Where(d => d != directory && RepoPath.IsUnder(d, directory))
            .Select(d => directory.Length == 0 ? d.Split('/')[0] : directory + "/" + d[(directory.Length + 1)..].Split('/')[0]).Distinct().Order(StringComparer.Ordinal)];

    public IEnumerable<string> AllFiles => files.Keys.Order(StringComparer.Ordinal);
}
