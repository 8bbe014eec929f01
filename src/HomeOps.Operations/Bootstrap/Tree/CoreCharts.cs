using System.Text.Json.Nodes;
using HomeOps.Core.Diagnostics;

namespace HomeOps.Operations.Bootstrap.Tree;

/// <summary>Finds the core charts' HelmReleases (Cilium, External Secrets, 1Password Connect, Flux) and their sources.</summary>
public static class CoreCharts
{
    /// <summary>Install order, and the HelmRelease names accepted for each (the first found wins).</summary>
    public static readonly IReadOnlyList<(string Step, string[] Names)> Order =
    [
        ("cilium", ["cilium"]),
        ("external-secrets", ["external-secrets"]),
        ("onepassword-connect", ["onepassword-connect", "connect"]),
        ("flux", ["flux-operator", "flux2", "flux"]),
    ];

    public static (IReadOnlyList<CoreChart> Charts, IReadOnlyList<Diagnostic> Diagnostics) Resolve(GitOpsTree tree, SourceSpan location)
    {
        var charts = new List<CoreChart>();
        var diagnostics = new List<Diagnostic>();
        foreach (var (step, names) in Order)
        {
            var release = names.Select(n => tree.Find("HelmRelease", n)).FirstOrDefault(d => d is not null);
            if (release is null)
            {
                diagnostics.Add(DiagnosticCatalog.CoreChartMissing.At(location, names[0], tree.Where));
                continue;
            }

            if (Read(step, release, tree) is { } chart)
            {
                charts.Add(chart);
            }
            else
            {
                var source = release.Object["spec"]?["chart"]?["spec"]?["sourceRef"] ?? release.Object["spec"]?["chartRef"];
                diagnostics.Add(DiagnosticCatalog.CoreChartSourceMissing.At(SourceSpan.File(release.File), release.Name,
                    source?["kind"]?.GetValue<string>() ?? "a source", source?["name"]?.GetValue<string>() ?? "(none)"));
            }
        }

        return (charts, diagnostics);
    }

    private static CoreChart? Read(string step, TreeDocument release, GitOpsTree tree)
    {
        var spec = release.Object["spec"] as JsonObject ?? [];
        var ns = spec["targetNamespace"]?.GetValue<string>() ?? release.Namespace ?? "default";
        var releaseName = spec["releaseName"]?.GetValue<string>()
            ?? (spec["targetNamespace"] is null ? release.Name : $"{spec["targetNamespace"]}-{release.Name}");
        var values = (spec["values"] as JsonObject ?? []).ToJsonString();
        if (spec["chart"]?["spec"] is JsonObject chartSpec)
        {
            var sourceRef = chartSpec["sourceRef"];
            var source = tree.Find(sourceRef?["kind"]?.GetValue<string>() ?? "HelmRepository", sourceRef?["name"]?.GetValue<string>() ?? string.Empty);
            var url = source?.Object["spec"]?["url"]?.GetValue<string>();
            var chart = chartSpec["chart"]?.GetValue<string>();
            var version = chartSpec["version"]?.GetValue<string>();
            if (url is null || chart is null || version is null)
            {
                return null;
            }

            return source!.Object["spec"]?["type"]?.GetValue<string>() == "oci" || url.StartsWith("oci://", StringComparison.Ordinal)
                ? new CoreChart(step, releaseName, ns, $"{url.TrimEnd('/')}/{chart}", null, version, values, release.File)
                : new CoreChart(step, releaseName, ns, chart, url, version, values, release.File);
        }

        if (spec["chartRef"] is JsonObject chartRef && chartRef["kind"]?.GetValue<string>() == "OCIRepository")
        {
            var source = tree.Find("OCIRepository", chartRef["name"]?.GetValue<string>() ?? string.Empty);
            var url = source?.Object["spec"]?["url"]?.GetValue<string>();
            var tag = source?.Object["spec"]?["ref"]?["tag"]?.GetValue<string>();
            return url is null || tag is null ? null : new CoreChart(step, releaseName, ns, url, null, tag, values, release.File);
        }

        return null;
    }
}
