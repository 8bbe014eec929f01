using System.Text.RegularExpressions;
using HomeOps.Core.GitOps.Flux;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.Build;

/// <summary>
/// The files a set of folders reaches when Flux reconciles them, found by reading instead of building: each folder's
/// kustomize inputs, then the paths and components of the Flux Kustomizations written in those files, transitively.
/// It knows less than a build (patches that change a path, variables in a path), so it only ever widens what counts as
/// reached: a path segment holding ${VAR} matches every folder at that level.
/// </summary>
public static partial class StaticReach
{
    /// <param name="starts">Flux paths to start from, with the components (relative to the path) each builds with.</param>
    public static IReadOnlySet<string> Files(SourceIndex sources, SourceIgnore ignore, IEnumerable<(string Path, IReadOnlyList<string> Components)> starts)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<(string Path, IReadOnlyList<string> Components)>(starts);
        while (pending.Count > 0)
        {
            var (path, components) = pending.Dequeue();
            foreach (var folder in Expand(sources.Tree, path).Where(f => seen.Add(f + "|" + string.Join(',', components))))
            {
                var inputs = KustomizeInputs.Collect(sources.Tree, folder, ignore, components.Select(c => RepoPath.Combine(folder, c)));
                reached.UnionWith(inputs.Files);
                foreach (var (childPath, childComponents) in inputs.Files.SelectMany(f => DeclaredKustomizations(sources, f)))
                {
                    pending.Enqueue((childPath, childComponents));
                }
            }
        }

        return reached;
    }

    /// <summary>The Flux Kustomizations written in <paramref name="file"/>: their path and components.</summary>
    public static IEnumerable<(string Path, IReadOnlyList<string> Components)> DeclaredKustomizations(SourceIndex sources, string file)
    {
        if (!RepoPath.IsYaml(file) || sources.Tree.ReadText(file) is not { } text || !text.Contains(FluxKinds.KustomizeGroup, StringComparison.Ordinal))
        {
            yield break;
        }

        foreach (var doc in sources.Documents(file).OfType<YamlMapping>())
        {
            if (doc.Str("kind") == "Kustomization" && doc.Str("apiVersion")?.StartsWith(FluxKinds.KustomizeGroup + "/", StringComparison.Ordinal) == true
                && doc.Str("spec", "path") is { } path)
            {
                yield return (FluxKustomization.NormalizePath(path), [.. doc.Seq("spec", "components").OfType<YamlScalar>().Select(c => c.Value)]);
            }
        }
    }

    /// <summary>The existing folders a Flux path names; a segment with ${VAR} stands for every folder at its level.</summary>
    private static IEnumerable<string> Expand(ISourceTree tree, string path)
    {
        if (!path.Contains("${", StringComparison.Ordinal))
        {
            return tree.DirectoryExists(path) ? [path] : [];
        }

        IEnumerable<string> current = [string.Empty];
        foreach (var segment in path.Split('/'))
        {
            if (!segment.Contains("${", StringComparison.Ordinal))
            {
                current = current.Select(c => RepoPath.Combine(c, segment)).Where(tree.DirectoryExists).ToList();
                continue;
            }

            var pattern = new Regex("^" + string.Join(".*", Variable().Split(segment).Select(Regex.Escape)) + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            current = current.SelectMany(tree.Directories).Where(d => pattern.IsMatch(RepoPath.FileName(d))).ToList();
        }

        return current;
    }

    [GeneratedRegex(@"\$\{[^}]*\}")]
    private static partial Regex Variable();
}
