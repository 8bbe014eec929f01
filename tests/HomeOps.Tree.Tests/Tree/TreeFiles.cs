using HomeOps.Testing;

namespace HomeOps.Tree.Tests.Tree;

/// <summary>The files of the GitOps tree on disk.</summary>
internal static class TreeFiles
{
    /// <summary>The folders Flux's GitRepository artifact contains (clusters/home-ops/flux-system/sync.yaml ignore rules).</summary>
    public static readonly string[] Folders = ["clusters", "infrastructure", "apps", "charts"];

    public static IEnumerable<string> YamlFiles() =>
        Folders.Select(f => RepositoryPaths.Combine(f))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            // A chart's templates are Helm's, not Flux's.
            .Where(f => !Relative(f).StartsWith("charts/", StringComparison.Ordinal) || !Relative(f).Contains("/templates/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    public static IEnumerable<string> KustomizationFiles() =>
        YamlFiles().Where(f => Path.GetFileName(f) is "kustomization.yaml" or "kustomization.yml");

    public static string Relative(string path) => Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/');
}
