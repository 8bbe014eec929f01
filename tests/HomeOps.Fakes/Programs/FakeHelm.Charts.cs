using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Yaml;
using HomeOps.Operations.GitOps;
using HomeOps.Runtime.Files;
using HomeOps.Runtime.Processes;
using HomeOps.Runtime.Tools;
using HomeOps.Testing;

namespace HomeOps.Fakes.Programs;

/// <summary>
/// Chart identity and rendering. A chart is found as helm finds it: by repository, name and exact version, in the
/// chart repositories this machine has (../shared/reference/charts, through the product's own <see cref="ChartMirror"/>),
/// else in a fixture chart folder (<see cref="FixtureCharts"/>) whose Chart.yaml has that name and version. Anything
/// else is helm's "not found" error. A found chart is rendered by the real helm 3 (`helm template`), once per chart,
/// release, namespace and values in a test process, so the objects `template` prints and `upgrade --install`
/// creates are the real chart's.
/// </summary>
public sealed partial class FakeHelm
{
    private static readonly ConcurrentDictionary<string, Rendered> s_rendered = new(StringComparer.Ordinal);

    private static readonly Lazy<ChartMirror?> s_reference = new(() =>
        RepositoryPaths.ChartMirror is { } folder ? ChartMirror.Open(PhysicalFileSystem.Instance, folder, folder, []) : null);

    /// <summary>Why charts cannot be rendered here (no helm 3, no ../shared/reference/charts), or null when they can.</summary>
    public static string? RenderUnavailable =>
        HelmPath is null ? "helm 3 is not installed (./scripts/install-test-dependencies.sh puts it in .tools/bin); the fake helm renders charts with it"
        : s_reference.Value is null ? RepositoryPaths.NoChartMirror + "; the fake helm renders the core charts from it"
        : null;

    private static string? HelmPath => ToolLocator.Find("helm", workingDirectory: RepositoryPaths.Root);

    /// <summary>Chart folders used when the chart repositories lack a chart (name and version from their Chart.yaml).</summary>
    public List<string> FixtureCharts { get; } = [];

    /// <summary>What `helm template` printed, as objects, or helm's error when the chart is unknown or does not render.</summary>
    public sealed record Rendered(IReadOnlyList<JsonObject> Objects, string? Error);

    /// <summary>The archive or folder of a chart at exactly <paramref name="version"/>, or null when helm would not find it.</summary>
    public string? FindChart(string chart, string? repository, string? version)
    {
        var name = ChartName(chart);
        var repositoryUrl = repository ?? (chart.StartsWith("oci://", StringComparison.Ordinal) ? chart[..chart.LastIndexOf('/')] : null);
        if (version is not null && s_reference.Value?.Find(repositoryUrl, name, version) is { } archive)
        {
            return archive;
        }

        return FixtureCharts.FirstOrDefault(folder =>
        {
            var text = File.ReadAllText(Path.Combine(folder, "Chart.yaml"));
            var meta = YamlReader.ReadSingle(text, folder, new DiagnosticBag()) as YamlMapping;
            return meta.Str("name") == name && (version is null || meta.Str("version") == version);
        });
    }

    /// <summary>helm's error for a chart it cannot find (pkg/downloader/chart_downloader.go, pkg/repo/chartrepo.go FindChartInAuthAndTLSAndPassRepoURL).</summary>
    public static string NotFound(string chart, string? repository, string? version) =>
        chart.StartsWith("oci://", StringComparison.Ordinal)
            ? $"Error: {chart["oci://".Length..]}:{version}: not found\n"
            : $"Error: chart \"{ChartName(chart)}\" version \"{version}\" not found in {repository} repository\n";

    /// <summary>Renders the chart as helm template would (cached); unknown charts and render failures carry helm's error.</summary>
    public Rendered Render(string release, string chart, string? repository, string? version, string ns, string? values)
    {
        if (FindChart(chart, repository, version) is not { } source)
        {
            return new Rendered([], NotFound(chart, repository, version));
        }

        if (HelmPath is not { } helm)
        {
            return new Rendered([], $"Error: fake helm: {RenderUnavailable}\n");
        }

        var key = string.Join('\0', source, release, ns, values ?? string.Empty);
        return s_rendered.GetOrAdd(key, _ =>
        {
            var spec = Helm.Template(new HelmTemplateRequest(release, source, ns) { ValuesYaml = values ?? string.Empty, IncludeCrds = true, SkipTests = true });
            var result = ProcessCommandRunner.Instance.RunAsync(spec with { Program = helm }, CancellationToken.None).GetAwaiter().GetResult();
            if (!result.Succeeded)
            {
                return new Rendered([], result.StandardError);
            }

            var objects = YamlReader.ReadAll(result.StandardOutput, $"helm template {release}", new DiagnosticBag())
                .Select(YamlJson.ToJson).OfType<JsonObject>().Where(o => o["kind"] is not null).ToList();
            return new Rendered(objects, null);
        });
    }
}
