using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Model;

namespace HomeOps.Operations.GitOps;

/// <summary>What validation found, the tree it built, and figures for the summary line.</summary>
public sealed record ValidateResult(IReadOnlyList<Diagnostic> Diagnostics, GitOpsTree? Tree, TimeSpan Duration)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>The figures of the run that produced a result taken from the result cache (then <see cref="Tree"/> is null).</summary>
    public string? CachedSummary { get; init; }

    /// <summary>What each Kustomization of the tree reads (from the tree, or stored with a cached result), for --changed-only.</summary>
    public IReadOnlyList<KustomizationFeed>? Feeds { get; init; }

    public string Summary() =>
        CachedSummary is { } cached ? $"{cached}, unchanged since the last run (result from cache), {Duration.TotalSeconds:0.00} s"
        : Tree is null ? "tree not built"
        : $"{Figures()}, {Duration.TotalSeconds:0.00} s";

    /// <summary>Kustomizations, objects and HelmReleases of the tree, for the summary line.</summary>
    public string Figures()
    {
        if (Tree is null)
        {
            return CachedSummary ?? "tree not built";
        }

        var built = Tree.Kustomizations.Count(k => k.Built);
        var cached = Tree.Kustomizations.Count(k => k.FromCache);
        var releases = Tree.Kustomizations.SelectMany(k => k.Releases).ToList();
        return $"{built} Kustomization(s) ({cached} from cache), {Tree.AllObjects.Count()} object(s), " +
               $"{releases.Count(r => r.Rendered)}/{releases.Count} HelmRelease(s) rendered";
    }
}
