using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Build;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>
/// HO3203: YAML files in the tree's folders (clusters/, infrastructure/, apps/ and every Kustomization path's top
/// folder, or treeRoots in .homeops.yaml) that no Flux Kustomization build reads. Helm chart folders and files
/// Flux ignores (.sourceignore) are left out.
/// </summary>
public sealed class UnreferencedFileRule : IGitOpsRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.FileUnreferenced];

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        // A failed build reads an unknown set of files: reporting them all as dead would bury the real error.
        if (context.Tree.Root is not { Built: true } || context.Tree.Kustomizations.Exists(k => !k.Built && k.SkipReason is null))
        {
            yield break;
        }

        var reached = context.Tree.Kustomizations.Where(k => k.Inputs is not null).SelectMany(k => k.Inputs!.Files).ToHashSet(StringComparer.Ordinal);
        var roots = context.Settings.TreeRoots
            .Concat(context.Tree.Kustomizations.Select(k => k.Spec.Path.Split('/')[0]))
            .Where(r => r.Length > 0)
            .ToHashSet(StringComparer.Ordinal);
        var chartDirs = context.TrackedFiles.Where(f => RepoPath.FileName(f) == "Chart.yaml").Select(RepoPath.Directory).ToList();
        foreach (var file in context.TrackedFiles)
        {
            if (!RepoPath.IsYaml(file) || reached.Contains(file) || !roots.Any(r => RepoPath.IsUnder(file, r))
                || chartDirs.Exists(d => RepoPath.IsUnder(file, d)) || context.Tree.Ignore.IsIgnored(file))
            {
                continue;
            }

            yield return DiagnosticCatalog.FileUnreferenced.At(SourceSpan.File(file), file);
        }
    }
}
