using HomeOps.Core.Diagnostics;

namespace HomeOps.Operations.Bootstrap.Tree;

/// <summary>
/// A chart the bootstrap installs with helm before Flux runs, exactly as its HelmRelease in the tree says (release
/// name, namespace, chart, version, values after Flux substitution), so Flux adopts the release instead of
/// installing a second one.
/// </summary>
/// <param name="ValuesYaml">The values helm gets, merged as helm-controller merges them (the same text `validate` renders with).</param>
/// <param name="Location">The HelmRelease in the tree (file and line).</param>
public sealed record CoreChart(string Name, string Release, string Namespace, string Chart, string? Repository, string Version, string ValuesYaml, SourceSpan Location)
{
    /// <summary>The HelmRelease's file, repository-relative.</summary>
    public string File => Location.Path;

    /// <summary>Where the chart comes from, as printed: "cilium 1.17.6 from https://helm.cilium.io".</summary>
    public string Display => Repository is null ? $"{Chart} {Version}" : $"{Chart} {Version} from {Repository}";

    /// <summary>The chart's short name: "flux-operator" for "oci://ghcr.io/.../flux-operator".</summary>
    public string ChartName => Chart.Split('/')[^1];
}
