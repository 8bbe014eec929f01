namespace HomeOps.Core.GitOps.Build;

/// <summary>
/// Read access to the repository the tree lives in, by repository-relative paths with '/' separators. The core
/// reads through this so it stays free of IO; HomeOps.Operations implements it over the disk.
/// </summary>
public interface ISourceTree
{
    bool FileExists(string path);

    bool DirectoryExists(string path);

    /// <summary>The file's text, or null when it does not exist or cannot be read.</summary>
    string? ReadText(string path);

    /// <summary>Files directly in <paramref name="directory"/> (repository-relative paths), sorted.</summary>
    IReadOnlyList<string> Files(string directory);

    /// <summary>Subdirectories directly in <paramref name="directory"/> (repository-relative paths), sorted.</summary>
    IReadOnlyList<string> Directories(string directory);
}
