using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Flux;
using HomeOps.Core.GitOps.Model;
using HomeOps.Operations.GitOps;

namespace HomeOps.Operations.Bootstrap.Tree;

/// <summary>
/// Finds the core charts' HelmReleases (Cilium, External Secrets, 1Password Connect, Flux) in the built tree, and
/// their sources. Every core chart must resolve: one that does not is an error naming the file and the reason,
/// never a chart silently left out of the plan.
/// </summary>
public static class CoreCharts
{
    /// <summary>The CNI: installed right after the nodes register, because nothing else can run before it.</summary>
    public const string Cni = "cilium";

    /// <summary>Install order, and the HelmRelease names accepted for each (the first found wins).</summary>
    public static readonly IReadOnlyList<(string Step, string[] Names)> Order =
    [
        (Cni, ["cilium"]),
        ("external-secrets", ["external-secrets"]),
        ("onepassword-connect", ["onepassword-connect", "connect"]),
        ("flux", ["flux-operator", "flux2", "flux"]),
    ];

    /// <param name="entry">Where the tree's entry is configured (cluster.yaml gitops.path), for a chart missing from the tree.</param>
    public static (IReadOnlyList<CoreChart> Charts, IReadOnlyList<Diagnostic> Diagnostics) Resolve(BootstrapTree tree, SourceSpan entry)
    {
        var charts = new List<CoreChart>();
        var diagnostics = new List<Diagnostic>();
        foreach (var (step, names) in Order)
        {
            var release = names.Select(n => tree.OfKind(FluxKinds.HelmGroup, "HelmRelease").FirstOrDefault(o => o.Name == n)).FirstOrDefault(o => o is not null);
            if (release is null)
            {
                diagnostics.Add(DiagnosticCatalog.CoreChartMissing.At(entry, names[0], $"the tree Flux builds from {tree.EntryPath}/"));
                continue;
            }

            var spec = HelmReleaseSpec.FromObject(release);
            var (chart, problem) = Read(step, spec, tree);
            if (chart is not null)
            {
                charts.Add(chart);
            }
            else
            {
                diagnostics.Add(problem!);
            }
        }

        // A build error (a Kustomization that does not build, a substitution that breaks YAML) can hide a HelmRelease.
        if (diagnostics.Any(d => d.Code == DiagnosticCatalog.CoreChartMissing.Code))
        {
            diagnostics.InsertRange(0, tree.BuildErrors);
        }

        return (charts, diagnostics);
    }

    private static (CoreChart? Chart, Diagnostic? Problem) Read(string step, HelmReleaseSpec spec, BootstrapTree tree)
    {
        var origin = spec.Object.Origin;
        var at = SourceSpan.At(origin.File, origin.Span.Line, 1);
        var values = HelmValues.Merge(spec, tree.Objects);
        CoreChart Chart(string chart, string? repository, string version) =>
            new(step, spec.ReleaseName, spec.TargetNamespace, chart, repository, version, values, at);
        Diagnostic Unresolvable(object[] path, string reason) =>
            DiagnosticCatalog.CoreChartUnresolvable.At(origin.Locate(path), spec.Id, reason);

        if (spec.ChartRef is { } chartRef)
        {
            if (chartRef.Kind != "OCIRepository")
            {
                return (null, Unresolvable(chartRef.Path, $"its chartRef is a {chartRef.Kind}; the bootstrap installs from a HelmRepository or an OCIRepository"));
            }

            var oci = tree.Find(FluxKinds.SourceGroup, "OCIRepository", chartRef.Name, chartRef.Namespace);
            if (oci is null)
            {
                return (null, DiagnosticCatalog.CoreChartSourceMissing.At(origin.Locate(chartRef.Path), spec.Id, chartRef.Kind, $"{chartRef.Namespace}/{chartRef.Name}"));
            }

            var url = oci.Root.Str("spec", "url");
            var tag = oci.Root.Str("spec", "ref", "tag");
            return url is null || tag is null
                ? (null, DiagnosticCatalog.CoreChartUnresolvable.At(oci.Origin.Locate("spec", "ref"), spec.Id, $"OCIRepository {oci.Namespace}/{oci.Name} needs spec.url and spec.ref.tag (a pinned version) for the bootstrap to install it"))
                : (Chart(url, null, tag), null);
        }

        if (spec.SourceRef is not { } sourceRef)
        {
            return (null, Unresolvable(["spec"], "it has neither spec.chart.spec.sourceRef nor spec.chartRef"));
        }

        if (spec.Chart is null || spec.Version is null)
        {
            return (null, Unresolvable(["spec", "chart", "spec"], "spec.chart.spec needs chart and version (a pinned version)"));
        }

        if (sourceRef.Kind != "HelmRepository")
        {
            return (null, Unresolvable(sourceRef.Path, $"its source is a {sourceRef.Kind}; the bootstrap installs from a HelmRepository or an OCIRepository"));
        }

        var repository = tree.Find(FluxKinds.SourceGroup, "HelmRepository", sourceRef.Name, sourceRef.Namespace);
        if (repository?.Root.Str("spec", "url") is not { } repositoryUrl)
        {
            return (null, DiagnosticCatalog.CoreChartSourceMissing.At(origin.Locate(sourceRef.Path), spec.Id, sourceRef.Kind, $"{sourceRef.Namespace}/{sourceRef.Name}"));
        }

        var trimmed = repositoryUrl.TrimEnd('/');
        return repository.Root.Str("spec", "type") == "oci" || trimmed.StartsWith("oci://", StringComparison.Ordinal)
            ? (Chart($"{trimmed}/{spec.Chart}", null, spec.Version), null)
            : (Chart(spec.Chart, trimmed, spec.Version), null);
    }
}
