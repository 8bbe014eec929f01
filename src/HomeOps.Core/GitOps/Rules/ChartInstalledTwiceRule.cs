using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Flux;
using HomeOps.Core.GitOps.Model;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>
/// HO3247: two HelmReleases install one chart (same name and source) into one namespace under the same fullname, so
/// both render the same objects (Helm refuses the second install: the objects belong to the first release). Found
/// without rendering, from the fullname convention of `helm create`'s _helpers.tpl; releases that differ in
/// release name or fullnameOverride (app-template per app, two external-dns instances) are the normal multi-instance
/// pattern and are not reported.
/// </summary>
public sealed class ChartInstalledTwiceRule : IGitOpsRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.ChartInstalledTwice];

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        var sources = context.Tree.AllObjects.Where(o => o.Group == FluxKinds.SourceGroup).ToList();
        var seen = new Dictionary<(string Chart, string Source, string Namespace, string FullName), HelmReleaseSpec>();
        var releases = context.Tree.Kustomizations.SelectMany(k => k.Releases).Select(r => r.Spec)
            .OrderBy(r => r.Object.Origin.File, StringComparer.Ordinal).ThenBy(r => r.Object.Origin.Line);
        foreach (var release in releases)
        {
            if (ChartIdentity.Of(release, sources) is not { } chart || FullName(release, chart.Name) is not { } fullName)
            {
                continue;
            }

            var key = (chart.Name, chart.Source, release.TargetNamespace, fullName);
            if (!seen.TryGetValue(key, out var first))
            {
                seen[key] = release;
                continue;
            }

            if (first.Id != release.Id)
            {
                yield return DiagnosticCatalog.ChartInstalledTwice.At(Locate(release), release.Id, chart.Name, chart.Source, release.TargetNamespace, fullName,
                    first.Id, $"{first.Object.Origin.File}:{first.Object.Origin.Line}",
                    first.ReleaseName == release.ReleaseName
                        ? $"with one release name '{release.ReleaseName}' they take turns upgrading one Helm release"
                        : "Helm refuses to install the second (its objects belong to the first release)");
            }
        }
    }

    /// <summary>
    /// The name a chart built on `helm create`'s helpers gives its objects: fullnameOverride (app-template reads
    /// global.fullnameOverride), else the release name when it contains the chart name (or nameOverride), else
    /// "release-name"; truncated to 63 characters (helm/helm pkg/chartutil/create.go, the "fullname" template of
    /// defaultHelpers). Null when values come from valuesFrom and spec.values sets no override (not known offline).
    /// </summary>
    public static string? FullName(HelmReleaseSpec release, string chart)
    {
        var values = release.Values;
        if ((values.Str("fullnameOverride") ?? values.Str("global", "fullnameOverride")) is { Length: > 0 } fullnameOverride)
        {
            return Truncate(fullnameOverride);
        }

        if (release.ValuesFrom.Count > 0)
        {
            return null;
        }

        var name = values.Str("nameOverride") is { Length: > 0 } nameOverride ? nameOverride : chart;
        return Truncate(release.ReleaseName.Contains(name, StringComparison.Ordinal) ? release.ReleaseName : $"{release.ReleaseName}-{name}");
    }

    private static string Truncate(string name) => (name.Length > 63 ? name[..63] : name).TrimEnd('-');

    private static SourceSpan Locate(HelmReleaseSpec release) =>
        release.ChartRef is not null ? release.Object.Origin.Locate("spec", "chartRef") : release.Object.Origin.Locate("spec", "chart", "spec", "chart");
}
