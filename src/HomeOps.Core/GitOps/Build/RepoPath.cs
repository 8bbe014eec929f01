namespace HomeOps.Core.GitOps.Build;

/// <summary>Repository-relative paths with '/' separators: joining and normalising without touching the disk.</summary>
public static class RepoPath
{
    public static string Combine(string directory, string relative)
    {
        if (relative.StartsWith('/'))
        {
            return Normalize(relative);
        }

        return Normalize(directory.Length == 0 ? relative : directory + "/" + relative);
    }

    /// <summary>Removes "." and resolves ".."; a path that climbs above the root keeps its leading "..".</summary>
    public static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return string.Join('/', parts);
    }

    public static string Directory(string path) => path.Contains('/', StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : string.Empty;

    public static string FileName(string path) => path.Contains('/', StringComparison.Ordinal) ? path[(path.LastIndexOf('/') + 1)..] : path;

    public static bool IsYaml(string path) => path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal);

    public static bool IsUnder(string path, string directory) =>
        directory.Length == 0 || path == directory || path.StartsWith(directory + "/", StringComparison.Ordinal);

    /// <summary>The relative path from directory <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static string Relative(string from, string to)
    {
        var a = from.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var b = to.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var common = 0;
        while (common < a.Length && common < b.Length && a[common] == b[common])
        {
            common++;
        }

        var parts = Enumerable.Repeat("..", a.Length - common).Concat(b.Skip(common)).ToList();
        return parts.Count == 0 ? "." : string.Join('/', parts);
    }
}
