using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Build;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>
/// HO3203: YAML files in the tree's folders (clusters/, infrastructure/, apps/ and every Kustomization path's top
/// folder, or treeRoots in .homeops.yaml) that no Flux Kustomization build reads. Helm chart folders and files
/// Flux ignores (.sourceignore) are left out. What was not built (a failed build, a remote base offline, a suspended
/// Kustomization) and the repository's other Flux entries (one per cluster) are followed by reading their files
/// (<see cref="StaticReach"/>), and HO3020/HO3021 say so, so one of them never silences or misleads the rule.
/// </summary>
public sealed class UnreferencedFileRule : IGitOpsRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors =>
        [DiagnosticCatalog.FileUnreferenced, DiagnosticCatalog.OtherFluxEntriesNotValidated, DiagnosticCatalog.UnreferencedCheckReadUnbuilt];

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        var tree = context.Tree;
        if (tree.Root is not { Built: true } root)
        {
            yield break;
        }

        var rootFile = SourceSpan.File(KustomizeInputs.KustomizationFile(tree.Sources.Tree, root.Spec.Path) ?? root.Spec.Path);
        var reached = tree.Kustomizations.Where(k => k.Inputs is not null).SelectMany(k => k.Inputs!.Files).ToHashSet(StringComparer.Ordinal);
        var unbuilt = tree.Kustomizations.Where(k => !k.Built && k.Inputs is not null).ToList();
        if (unbuilt.Count > 0)
        {
            var declared = unbuilt.SelectMany(k => k.Inputs!.Files).SelectMany(f => StaticReach.DeclaredKustomizations(tree.Sources, f));
            reached.UnionWith(StaticReach.Files(tree.Sources, tree.Ignore, declared));
            var names = string.Join(", ", unbuilt.Select(k => $"{k.Id} ({k.SkipReason ?? "build failed"})"));
            yield return DiagnosticCatalog.UnreferencedCheckReadUnbuilt.At(rootFile, unbuilt.Count, names);
        }

        var others = FluxEntries.Find(tree.Sources, context.TrackedFiles, context.CleanFiles).Where(e => e != tree.EntryPath && !RepoPath.IsUnder(tree.EntryPath, e)).ToList();
        if (others.Count > 0)
        {
            reached.UnionWith(StaticReach.Files(tree.Sources, tree.Ignore, others.Select(e => (e, (IReadOnlyList<string>)[]))));
            yield return DiagnosticCatalog.OtherFluxEntriesNotValidated.At(rootFile, string.Join(", ", others), others[0]);
        }

        var roots = TreeFolders.Of(context);
        var chartDirs = context.TrackedFiles.Where(f => RepoPath.FileName(f) == "Chart.yaml").Select(RepoPath.Directory).ToList();
        foreach (var file in context.TrackedFiles)
        {
            if (!RepoPath.IsYaml(file) || reached.Contains(file) || !roots.Any(r => RepoPath.IsUnder(file, r))
                || chartDirs.Exists(d => RepoPath.IsUnder(file, d)) || tree.Ignore.IsIgnored(file))
            {
                continue;
            }

            yield return DiagnosticCatalog.FileUnreferenced.At(SourceSpan.File(file), file);
        }
    }
}
