using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Model;

namespace HomeOps.Operations.GitOps;

/// <summary>What validation found, the tree it built, and figures for the summary line.</summary>
public sealed record ValidateResult(IReadOnlyList<Diagnostic> Diagnostics, GitOpsTree? Tree, TimeSpan Duration)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    public string Summary()
    {
        if (Tree is null)
        {
            return "tree not built";
        }

        var built = Tree.Kustomizations.Count(k => k.Built);
        var cached = Tree.Kustomizations.Count(k => k.FromCache);
        var releases = Tree.Kustomizations.SelectMany(k => k.Releases).ToList();
        return $"{built} Kustomization(s) ({cached} from cache), {Tree.AllObjects.Count()} object(s), " +
               $"{releases.Count(r => r.Rendered)}/{releases.Count} HelmRelease(s) rendered, {Duration.TotalSeconds:0.00} s";
    }
}
