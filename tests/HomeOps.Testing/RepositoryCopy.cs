namespace HomeOps.Testing;

/// <summary>
/// A temporary copy of what an operator's clone holds for a bootstrap: a cluster.yaml (the bundled one or a
/// fixture), the repository's own GitOps tree (clusters/, infrastructure/, apps/, charts/, schemas/), the Talos patches,
/// .gitignore and .homeops.yaml. Files derived from cluster.yaml still need `homeops render` (the caller runs it).
/// </summary>
public static class RepositoryCopy
{
    public static readonly string[] Folders = ["clusters", "infrastructure", "apps", "charts", "schemas", Path.Combine("talos", "patches")];

    public static readonly string[] Files = [".gitignore", ".homeops.yaml"];

    /// <param name="clusterFile">The cluster.yaml to use (default: the bundled one).</param>
    public static string Create(string? clusterFile = null, string prefix = "homeops-repo-")
    {
        var root = Directory.CreateTempSubdirectory(prefix).FullName;
        File.Copy(clusterFile ?? RepositoryPaths.ClusterFile, Path.Combine(root, "cluster.yaml"));
        foreach (var file in Files.Where(f => File.Exists(RepositoryPaths.Combine(f))))
        {
            File.Copy(RepositoryPaths.Combine(file), Path.Combine(root, file));
        }

        foreach (var folder in Folders)
        {
            CopyFolder(RepositoryPaths.Combine(folder), Path.Combine(root, folder));
        }

        return root;
    }

    /// <summary>Copies every file under <paramref name="from"/> into <paramref name="to"/>.</summary>
    public static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
