using HomeOps.Core.Diagnostics;
using HomeOps.Core.Yaml;
using HomeOps.Testing;

namespace HomeOps.Tree.Tests.Tree;

/// <summary>
/// Which files a set of Flux Kustomization paths uses: each path's kustomization.yaml and everything it refers to
/// (resources, components, patches, generator files), recursively; a path without one uses every YAML file under it,
/// because Flux then generates the kustomization.yaml itself.
/// </summary>
internal static class Reachability
{
    public static IReadOnlySet<string> Files(IEnumerable<string> fluxPaths)
    {
        var reachable = new HashSet<string>(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in fluxPaths)
        {
            Visit(RepositoryPaths.Combine(path), reachable, visited);
        }

        return reachable;
    }

    /// <summary>Every YAML file of the chart folders (repository-relative paths such as ./charts/name).</summary>
    public static IReadOnlySet<string> ChartFiles(IEnumerable<string> chartPaths) =>
        chartPaths.Select(p => RepositoryPaths.Combine(p.TrimStart('.', '/')))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.y*ml", SearchOption.AllDirectories))
            .Select(TreeFiles.Relative)
            .ToHashSet(StringComparer.Ordinal);

    private static void Visit(string directory, HashSet<string> reachable, HashSet<string> visited)
    {
        if (!visited.Add(directory) || !Directory.Exists(directory))
        {
            return;
        }

        var file = new[] { "kustomization.yaml", "kustomization.yml" }.Select(n => Path.Combine(directory, n)).FirstOrDefault(File.Exists);
        if (file is null)
        {
            foreach (var yaml in Directory.EnumerateFiles(directory, "*.y*ml", SearchOption.AllDirectories))
            {
                reachable.Add(TreeFiles.Relative(yaml));
            }

            return;
        }

        reachable.Add(TreeFiles.Relative(file));
        var node = YamlReader.ReadSingle(File.ReadAllText(file), file, new DiagnosticBag());
        var references = node.Items("resources").Concat(node.Items("components"))
            .Select(r => r.Text())
            .Concat(node.Items("patches").Select(p => p.Text("path")))
            .Concat(node.Items("patchesStrategicMerge").Select(p => p.Text()))
            .Concat(node.Items("configMapGenerator").Concat(node.Items("secretGenerator")).SelectMany(g => g.Items("files")).Select(f => f.Text()))
            .OfType<string>();
        foreach (var reference in references)
        {
            // A generator entry may be "key=path".
            var relative = reference.Contains('=', StringComparison.Ordinal) ? reference[(reference.IndexOf('=', StringComparison.Ordinal) + 1)..] : reference;
            var full = Path.GetFullPath(Path.Combine(directory, relative));
            if (Directory.Exists(full))
            {
                Visit(full, reachable, visited);
            }
            else
            {
                reachable.Add(TreeFiles.Relative(full));
            }
        }
    }
}
