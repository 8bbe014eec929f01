using HomeOps.Operations.GitOps;
using HomeOps.Runtime.Files;
using HomeOps.Testing;

namespace HomeOps.Operations.Tests.GitOps;

/// <summary>
/// The values a chart accepts (HO3303, HO3304), with the real helm: the test chart (its values.schema.json) served on
/// 127.0.0.1, and Cilium 1.17.6 from the chart mirror of ../shared.
/// </summary>
public sealed class ChartValuesTests
{
    private static string ChartFolder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Charts", "widget-operator");

    [Fact]
    public async Task Validate_ValueTheSchemaRefuses_IsReportedAtTheValueInsteadOfHelmsError()
    {
        using var repo = await ChartRepository.StartAsync(ChartFolder);
        using var tree = Tree(repo, "  values:\n    replicas: \"2\"\n    image:\n      tag: 1.0.0\n      pullPolicy: Sometimes\n");
        var result = await Validation.RunAsync(tree.Root, offline: false, cache: NewCache());

        Validation.Lines(result, []).ShouldBe(["HO3303 infrastructure/widget-operator/release.yaml:17:5", "HO3303 infrastructure/widget-operator/release.yaml:20:7"], string.Join("\n", result.Diagnostics));
        result.Diagnostics.First(d => d.Code == "HO3303").Message.ShouldStartWith("HelmRelease widgets-system/widget-operator: values.replicas must be an integer, found string '2'");
        result.Diagnostics.ShouldNotContain(d => d.Code == "HO3011");
    }

    [Fact]
    public async Task Validate_KeyTheChartDoesNotHave_WarnsAndSuggestsTheClosestKey()
    {
        using var repo = await ChartRepository.StartAsync(ChartFolder);
        using var tree = Tree(repo, "  values:\n    replica: 2\n    image:\n      tag: 1.0.0\n");
        var result = await Validation.RunAsync(tree.Root, offline: false, cache: NewCache());

        Validation.Lines(result, []).ShouldBe(["HO3304 infrastructure/widget-operator/release.yaml:17:5"], string.Join("\n", result.Diagnostics));
        result.Diagnostics.Single(d => d.Code == "HO3304").Message.ShouldEndWith("values.replica is not a value of chart widget-operator@1.0.0; did you mean 'replicas'?");
    }

    [Fact]
    public async Task Validate_FreeFormValuesOfSettings_AreNotChecked()
    {
        using var repo = await ChartRepository.StartAsync(ChartFolder);
        using var tree = Tree(repo, "  values:\n    extraLabels:\n      team: home\n    image:\n      tag: 1.0.0\n");
        var unknown = await Validation.RunAsync(tree.Root, offline: false, cache: NewCache());
        Validation.Lines(unknown, []).ShouldBe(["HO3304 infrastructure/widget-operator/release.yaml:17:5"]);

        tree.Write(".homeops.yaml", "freeFormValues:\n  widget-operator: [extraLabels]\n");
        var allowed = await Validation.RunAsync(tree.Root, offline: false, cache: NewCache());
        Validation.Lines(allowed, []).ShouldBeEmpty(string.Join("\n", allowed.Diagnostics));
    }

    [Fact]
    public async Task Validate_CiliumFromTheMirrorWithABrokenValue_ReportsItInTheHelmRelease()
    {
        Assert.SkipWhen(RepositoryPaths.ChartMirror is null, RepositoryPaths.NoChartMirror);
        var archive = ChartFiles.Read(PhysicalFileSystem.Instance, Path.Combine(RepositoryPaths.ChartMirror!, "cilium-1.17.6.tgz")).ShouldNotBeNull();
        archive.SchemaJson.ShouldNotBeNull();

        using var tree = FixtureTree.Create("_helm", new Dictionary<string, string>
        {
            ["{{CHART_REPO}}"] = "https://helm.cilium.io", ["{{CHART_VERSION}}"] = "1.17.6", ["{{IMAGE_TAG}}"] = "x", ["{{WIDGET_SIZE}}"] = "3",
        });
        tree.Write("infrastructure/widget-operator/release.yaml", """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: cilium
              namespace: widgets-system
            spec:
              interval: 30m
              targetNamespace: kube-system
              chart:
                spec:
                  chart: cilium
                  version: 1.17.6
                  sourceRef:
                    kind: HelmRepository
                    name: charts
                    namespace: flux-system
              values:
                bgpControlPlane:
                  enabled: "yes"
                loadBalancer:
                  acceleraton: disabled
            """);
        var result = await Validation.RunAsync(tree.Root, offline: true, cache: NewCache(), chartMirror: RepositoryPaths.ChartMirror);
        result.Diagnostics.Where(d => d.Code is "HO3303" or "HO3304").Select(d => $"{d.Code} {d.Location.Path}:{d.Location.Line}:{d.Location.Column}")
            .ShouldBe(["HO3303 infrastructure/widget-operator/release.yaml:19:7", "HO3304 infrastructure/widget-operator/release.yaml:21:7"], string.Join("\n", result.Diagnostics));
        result.Diagnostics.Single(d => d.Code == "HO3304").Message.ShouldContain("did you mean 'acceleration'?");
    }

    [Fact]
    public void ChartFiles_AuthentikFromTheMirror_KeysItsSubchartsByAlias()
    {
        Assert.SkipWhen(RepositoryPaths.ChartMirror is null, RepositoryPaths.NoChartMirror);
        var chart = ChartFiles.Read(PhysicalFileSystem.Instance, Path.Combine(RepositoryPaths.ChartMirror!, "authentik-2025.6.4.tgz")).ShouldNotBeNull();
        chart.Name.ShouldBe("authentik");
        chart.Version.ShouldBe("2025.6.4");
        chart.ValuesYaml.ShouldContain("authentik:");
        chart.Subcharts.Select(s => s.Key).Order(StringComparer.Ordinal).ShouldBe(["postgresql", "redis", "serviceAccount"]);
        chart.Subcharts.Single(s => s.Key == "serviceAccount").Chart.Name.ShouldBe("authentik-remote-cluster");
    }

    private static FixtureTree Tree(ChartRepository repo, string values)
    {
        var tree = FixtureTree.Create("_helm", new Dictionary<string, string>
        {
            ["{{CHART_REPO}}"] = repo.Url, ["{{CHART_VERSION}}"] = "1.0.0", ["{{IMAGE_TAG}}"] = "1.0.0", ["{{WIDGET_SIZE}}"] = "3",
        });
        var release = File.ReadAllText(Path.Combine(tree.Root, "infrastructure/widget-operator/release.yaml"));
        tree.Write("infrastructure/widget-operator/release.yaml", release[..release.IndexOf("  values:\n", StringComparison.Ordinal)] + values);
        return tree;
    }

    private static string NewCache() => Directory.CreateTempSubdirectory("homeops-values-cache-").FullName;
}
