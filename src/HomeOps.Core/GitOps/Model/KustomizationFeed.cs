using HomeOps.Core.Diagnostics;

namespace HomeOps.Core.GitOps.Model;

/// <summary>
/// The repository files one Flux Kustomization's result depends on, kept with a validate result so that
/// `validate --changed-only` can tell which Kustomizations a changed file feeds. <see cref="Inputs"/> are the files
/// its build reads (<see cref="Build.BuildInputs.Files"/>; what it applies is located in them); <see cref="Also"/> are
/// the other files that change what it applies: the file declaring its Flux Kustomization object (path, patches,
/// postBuild), the files defining its substituteFrom sources, and the local chart folders of its HelmReleases
/// (those end in '/'). <see cref="Declared"/> is the `spec` of its Flux Kustomization object, where a failed build or
/// a bad spec is reported.
/// </summary>
public sealed record KustomizationFeed(string Id, IReadOnlyList<string> Inputs, IReadOnlyList<string> Also, SourceSpan? Declared)
{
    public static IReadOnlyList<KustomizationFeed> Of(GitOpsTree tree) =>
    [
        .. tree.Kustomizations.Select(k => new KustomizationFeed(
            k.Id,
            k.Inputs?.Files ?? [],
            [.. new[] { k.Spec.Object.Origin.File }.Concat(k.VariableFiles).Concat(k.Releases.Select(r => r.LocalChart).OfType<string>().Select(c => c.TrimEnd('/') + "/"))
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            SpecSpan(k))),
    ];

    /// <summary>From the `spec:` key to the end of its value in the declaring document (the whole object has infos that count the tree).</summary>
    private static SourceSpan? SpecSpan(KustomizationNode k) =>
        k.Spec.Object.Origin.Source?.Root is Yaml.YamlMapping m && m.Find("spec") is { } spec
            ? spec.Key.Span with { EndLine = spec.Value.Span.EndLine, EndColumn = spec.Value.Span.EndColumn }
            : null;

    /// <summary>Whether one of <paramref name="files"/> (repository-relative) is among what this Kustomization reads.</summary>
    public bool ReadsAny(IReadOnlySet<string> files) => Inputs.Any(files.Contains) || Also.Any(a => Matches(a, files));

    /// <summary>Whether <paramref name="entry"/> (a file, or a folder when it ends in '/') names one of <paramref name="files"/>.</summary>
    public static bool Matches(string entry, IReadOnlySet<string> files) =>
        entry.EndsWith('/') ? files.Any(f => f.StartsWith(entry, StringComparison.Ordinal)) : files.Contains(entry);
}
