using HomeOps.Core.GitOps.Build;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>
/// The folders that hold the tree: treeRoots of .homeops.yaml and the top folder of every Kustomization path
/// (clusters/, infrastructure/, apps/ here; kubernetes/ in most public trees). Rules that read files rather than
/// built objects (HO3203, HO3243) look only there, never at test fixtures or documentation.
/// </summary>
public static class TreeFolders
{
    public static IReadOnlySet<string> Of(RuleContext context) =>
        context.Settings.TreeRoots
            .Concat(context.Tree.Kustomizations.Select(k => k.Spec.Path.Split('/')[0]))
            .Where(r => r.Length > 0)
            .ToHashSet(StringComparer.Ordinal);
}
