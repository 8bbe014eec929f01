using HomeOps.Core.Diagnostics;

namespace HomeOps.Core.GitOps.Model;

/// <summary>
/// What `validate --changed-only` reports on: the changed files, the Kustomizations they feed
/// (<see cref="KustomizationFeed.ReadsAny"/>), and where the diagnostics it shows are located: in a changed file, in
/// a build input of one of those Kustomizations (a changed variable or chart shows up in files that did not change),
/// or in the document declaring one of them (a build that now fails is reported there). A change to a file every
/// result depends on (cluster.yaml, .homeops.yaml, a schema folder) changes everything.
/// </summary>
public sealed class ChangedScope
{
    private readonly HashSet<string> _shown;
    private readonly List<SourceSpan> _declared;

    private ChangedScope(IReadOnlySet<string> files, IReadOnlyList<string> kustomizations, bool everything, HashSet<string> shown, List<SourceSpan> declared)
    {
        (Files, Kustomizations, Everything, _shown, _declared) = (files, kustomizations, everything, shown, declared);
    }

    /// <summary>The changed files, repository-relative.</summary>
    public IReadOnlySet<string> Files { get; }

    /// <summary>The ids of the Kustomizations whose inputs changed.</summary>
    public IReadOnlyList<string> Kustomizations { get; }

    /// <summary>A file every result depends on changed: every diagnostic is shown.</summary>
    public bool Everything { get; }

    /// <param name="changedFiles">Repository-relative paths.</param>
    /// <param name="feeds">What each Kustomization reads.</param>
    /// <param name="global">Files (or folders, ending in '/') that every diagnostic depends on.</param>
    /// <param name="everything">Show everything whatever changed (the caller knows a change it cannot place, such as a deleted file).</param>
    public static ChangedScope Of(IEnumerable<string> changedFiles, IReadOnlyList<KustomizationFeed> feeds, IEnumerable<string> global, bool everything = false)
    {
        var files = changedFiles.ToHashSet(StringComparer.Ordinal);
        everything = everything || global.Any(g => KustomizationFeed.Matches(g, files));
        var changed = feeds.Where(f => everything || f.ReadsAny(files)).ToList();
        var shown = new HashSet<string>(files, StringComparer.Ordinal);
        shown.UnionWith(changed.SelectMany(f => f.Inputs));
        return new ChangedScope(files, [.. changed.Select(f => f.Id)], everything, shown, [.. changed.Select(f => f.Declared).OfType<SourceSpan>()]);
    }

    /// <summary>Whether a diagnostic at <paramref name="line"/> of <paramref name="file"/> (repository-relative) is about a change.</summary>
    public bool Shows(string file, int line) =>
        Everything || _shown.Contains(file) || _declared.Exists(d => d.Path == file && line >= d.Line && line <= d.EndLine);
}
