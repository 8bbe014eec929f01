namespace HomeOps.Operations.Bootstrap.Tree;

/// <summary>
/// A chart the bootstrap installs with helm before Flux runs, exactly as its HelmRelease in the tree says (release
/// name, namespace, chart, version, values), so Flux adopts the release instead of installing a second one.
/// </summary>
public sealed record CoreChart(string Name, string Release, string Namespace, string Chart, string? Repository, string Version, string ValuesYaml, string File)
{
    /// <summary>Where the chart comes from, as printed: "cilium 1.17.6 from https://helm.cilium.io".</summary>
    public string Display => Repository is null ? $"{Chart} {Version}" : $"{Chart} {Version} from {Repository}";
}
