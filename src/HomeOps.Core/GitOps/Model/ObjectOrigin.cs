using HomeOps.Core.Diagnostics;

namespace HomeOps.Core.GitOps.Model;

/// <summary>
/// Where a rendered object came from: the Flux Kustomization that applies it, the HelmRelease that rendered it (if
/// any), and the file and document the user wrote (when one can be found; generated objects point at the
/// kustomization file that generated them).
/// </summary>
public sealed record ObjectOrigin(string Kustomization, string File, int Line, SourceDocument? Source = null, string? HelmRelease = null)
{
    /// <summary>
    /// A CustomResourceDefinition from a chart's crds/ folder (helm template's "# Source: chart/crds/..."): Helm creates
    /// it when absent and never makes it part of a release, so no release owns it.
    /// </summary>
    public bool FromChartCrdsFolder { get; init; }

    /// <summary>The best place to report a problem with the field at <paramref name="path"/> of this object.</summary>
    public SourceSpan Locate(params object[] path) =>
        Source is not null ? Source.Locate(path) : SourceSpan.At(File, Line, 1);

    public SourceSpan Span => Locate();

    public string Describe() => HelmRelease is null
        ? $"Kustomization {Kustomization}"
        : $"HelmRelease {HelmRelease} (Kustomization {Kustomization})";
}
