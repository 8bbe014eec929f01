using HomeOps.Core.GitOps.Flux;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.Build;

/// <summary>
/// The folders Flux reconciles as the root of a cluster, found in the repository without building it: the sync path
/// of a FluxInstance (or of a flux-instance HelmRelease's values), and the path of a bootstrap Kustomization named
/// flux-system (gotk-sync.yaml). A repository serving several clusters has one entry per cluster.
/// </summary>
public static class FluxEntries
{
    /// <param name="clean">Files known to hold no entry, skipped unread; those found so are added.</param>
    public static IReadOnlyList<string> Find(SourceIndex sources, IEnumerable<string> files, Rules.CleanFiles? clean = null)
    {
        var entries = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in files.Where(RepoPath.IsYaml))
        {
            // Parse only files that can hold an entry (the kinds below and their keys): most hold none, and parsing
            // every file costs, most of all the CRD schemas a repository keeps (megabytes that say "sync").
            if (clean?.WasClean(CheckName, file) == true)
            {
                continue;
            }

            if (sources.Tree.ReadText(file) is not { } text || !MayHoldEntry(text))
            {
                clean?.MarkClean(CheckName, file);
                continue;
            }

            foreach (var doc in sources.Documents(file).OfType<YamlMapping>())
            {
                var path = doc.Str("kind") switch
                {
                    "FluxInstance" => doc.Str("spec", "sync", "path"),
                    "HelmRelease" => doc.Str("spec", "values", "instance", "sync", "path"),
                    "Kustomization" when doc.Str("apiVersion")?.StartsWith(FluxKinds.KustomizeGroup + "/", StringComparison.Ordinal) == true
                        && doc.Str("metadata", "name") == "flux-system" => doc.Str("spec", "path"),
                    _ => null,
                };
                if (path is not null && !path.Contains("${", StringComparison.Ordinal) && FluxKustomization.NormalizePath(path) is var entry && sources.Tree.DirectoryExists(entry))
                {
                    entries.Add(entry);
                }
            }
        }

        return [.. entries];
    }

    private const string CheckName = "flux-entries";

    private static bool MayHoldEntry(string text) =>
        (text.Contains("sync", StringComparison.Ordinal) && (text.Contains("FluxInstance", StringComparison.Ordinal) || text.Contains("HelmRelease", StringComparison.Ordinal)))
        || (text.Contains("flux-system", StringComparison.Ordinal) && text.Contains("Kustomization", StringComparison.Ordinal));
}
