using HomeOps.Core.GitOps.Model;

namespace HomeOps.Core.GitOps.Flux;

/// <summary>
/// Which chart a HelmRelease installs, read from the tree without rendering it: the chart name and where it comes
/// from. spec.chart names the chart directly; spec.chartRef points at an OCIRepository (the chart is the last segment
/// of its oci:// URL) or at a HelmChart (which names the chart and its source).
/// </summary>
public sealed record ChartIdentity(string Name, string Source)
{
    /// <summary>The chart of <paramref name="release"/>, or null when its source is not among <paramref name="sources"/>.</summary>
    public static ChartIdentity? Of(HelmReleaseSpec release, IEnumerable<KubeObject> sources)
    {
        if (release.ChartRef is { } chartRef)
        {
            var target = Find(sources, chartRef);
            if (target is null)
            {
                return null;
            }

            if (chartRef.Kind == "OCIRepository")
            {
                var url = (target.Root.Str("spec", "url") ?? string.Empty).TrimEnd('/');
                return url.Length == 0 ? null : new ChartIdentity(url.Split('/')[^1], url);
            }

            if (chartRef.Kind == "HelmChart" && target.Root.Str("spec", "chart") is { Length: > 0 } chart)
            {
                var sr = target.Root.Map("spec", "sourceRef");
                var inner = new NamedRef(sr.Str("kind") ?? string.Empty, sr.Str("name") ?? string.Empty, sr.Str("namespace") ?? target.Namespace ?? release.Namespace, ["spec", "sourceRef"]);
                return new ChartIdentity(chart.Split('/')[^1], SourceOf(inner, sources));
            }

            return null;
        }

        return release.Chart is { Length: > 0 } name && release.SourceRef is { } sourceRef
            ? new ChartIdentity(name.TrimEnd('/').Split('/')[^1], SourceOf(sourceRef, sources))
            : null;
    }

    private static string SourceOf(NamedRef sourceRef, IEnumerable<KubeObject> sources) =>
        Find(sources, sourceRef)?.Root.Str("spec", "url")?.TrimEnd('/') ?? sourceRef.ToString();

    private static KubeObject? Find(IEnumerable<KubeObject> objects, NamedRef r) =>
        objects.FirstOrDefault(o => o.Kind == r.Kind && o.Group == FluxKinds.SourceGroup && o.Name == r.Name && o.Namespace == r.Namespace);
}
