using HomeOps.Core.GitOps.Model;

namespace HomeOps.Operations.Tests.GitOps;

/// <summary>
/// HelmRelease rendering with the real helm 3 against a chart repository served on 127.0.0.1: the chart's CRD is
/// known to the tree (and its schema checks the custom resources another Kustomization applies), values are
/// applied, charts are cached per version, and failures are diagnostics.
/// </summary>
public sealed class HelmRenderingTests
{
    private static string ChartFolder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Charts", "widget-operator");

    [Fact]
    public async Task Validate_ChartWithCrd_RendersAndTheCrdServesAnotherKustomization()
    {
        using var repo = await ChartRepository.StartAsync(ChartFolder);
        using var tree = Tree(repo);
        var cache = NewCache();
        var result = await Validation.RunAsync(tree.Root, offline: false, cache: cache);

        Validation.Lines(result, []).ShouldBeEmpty(string.Join("\n", result.Diagnostics));
        var release = result.Tree!.Find("flux-system/widget-operator")!.Releases.ShouldHaveSingleItem();
        release.Rendered.ShouldBeTrue(release.SkipReason);
        release.Objects.Select(o => o.Key.ToString()).Order().ShouldBe(
            ["CustomResourceDefinition/widgets.example.com", "Deployment/widgets-system/widget-operator", "Service/widgets-system/widget-operator"]);
        var deployment = release.Objects.Single(o => o.Kind == "Deployment");
        deployment.Root.At("spec", "replicas").Str().ShouldBe("2");
        deployment.Origin.HelmRelease.ShouldBe("widgets-system/widget-operator");
        deployment.Origin.File.ShouldBe("infrastructure/widget-operator/release.yaml");
    }

    [Fact]
    public async Task Validate_CrdFromChartNotUpstream_ReportsCrdProvider()
    {
        using var repo = await ChartRepository.StartAsync(ChartFolder);
        using var tree = Tree(repo);
        tree.Write("clusters/test/apps.yaml", File.ReadAllText(Path.Combine(tree.Root, "clusters/test/apps.yaml")).Replace("    - name: widget-operator\n", string.Empty, StringComparison.Ordinal));
        var result = await Validation.RunAsync(tree.Root, offline: false, cache: NewCache());
        Validation.Lines(result, []).ShouldBe(["HO4003 apps/demo/widget.yaml:1:1"], string.Join("\n", result.Diagnostics));
        result.Diagnostics.Single().Message.ShouldContain("HelmRelease widgets-system/widget-operator in Kustomization flux-system/widget-operator");
    }

    [Fact]
    public async Task Validate_CustomResourceAgainstChartCrd_ChecksItsSchema()
    {
        using var repo = await ChartRepository.StartAsync(ChartFolder);
        using var tree = Tree(repo, widgetSize: "\"three\"");
        var result = await Validation.RunAsync(tree.Root, offline: false, cache: NewCache());
        Validation.Lines(result, []).ShouldBe(["HO3102 apps/demo/widget.yaml:6:3"], string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public async Task Validate_SecondRun_UsesTheChartCacheWithoutDownloading()
    {
        using var repo = await ChartRepository.StartAsync(ChartFolder);
        using var tree = Tree(repo);
        var cache = NewCache();
        await Validation.RunAsync(tree.Root, offline: false, cache: cache, useCache: false);
        repo.Downloads.ShouldBe(1);
        var second = await Validation.RunAsync(tree.Root, offline: true, cache: cache, useCache: false);
        repo.Downloads.ShouldBe(1);
        second.Tree!.Find("flux-system/widget-operator")!.Releases.Single().Rendered.ShouldBeTrue();
        Directory.GetFiles(Path.Combine(cache, "charts"), "widget-operator-1.0.0.tgz", SearchOption.AllDirectories).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Validate_OfflineWithoutCachedChart_ReportsRenderingSkipped()
    {
        using var repo = await ChartRepository.StartAsync(ChartFolder);
        using var tree = Tree(repo);
        var result = await Validation.RunAsync(tree.Root, offline: true, cache: NewCache());
        repo.Downloads.ShouldBe(0);
        result.Diagnostics.ShouldContain(d => d.Code == "HO3012" && d.Message.Contains("--offline", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_UnknownChartVersion_ReportsChartUnavailable()
    {
        using var repo = await ChartRepository.StartAsync(ChartFolder);
        using var tree = Tree(repo, version: "9.9.9");
        var result = await Validation.RunAsync(tree.Root, offline: false, cache: NewCache());
        Validation.Lines(result, []).ShouldContain("HO3010 infrastructure/widget-operator/release.yaml:11:7");
    }

    [Fact]
    public async Task Validate_ChartThatFailsToRender_ReportsHelmTemplateFailed()
    {
        using var repo = await ChartRepository.StartAsync(ChartFolder);
        using var tree = Tree(repo, imageTag: "\"\"");
        var result = await Validation.RunAsync(tree.Root, offline: false, cache: NewCache());
        var failure = result.Diagnostics.Single(d => d.Code == "HO3011");
        failure.Message.ShouldContain("image.tag is required");
        $"{failure.Location.Path}:{failure.Location.Line}".ShouldBe("infrastructure/widget-operator/release.yaml:16");
    }

    [Fact]
    public async Task Validate_ObjectAlsoRenderedByChart_ReportsDuplicate()
    {
        using var repo = await ChartRepository.StartAsync(ChartFolder);
        using var tree = Tree(repo);
        tree.Write("infrastructure/widget-operator/service.yaml",
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: widget-operator\n  namespace: widgets-system\nspec:\n  ports:\n    - port: 8080\n");
        tree.Write("infrastructure/widget-operator/kustomization.yaml",
            "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - namespace.yaml\n  - repository.yaml\n  - release.yaml\n  - service.yaml\n");
        var result = await Validation.RunAsync(tree.Root, offline: false, cache: NewCache());
        Validation.Lines(result, []).ShouldBe(["HO3211 infrastructure/widget-operator/release.yaml:1:1"], string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public async Task Validate_ChartInTwoKustomizations_ItsCrdsFolderCrdIsNotManagedTwice()
    {
        using var repo = await ChartRepository.StartAsync(ChartFolder);
        using var tree = Tree(repo);
        var release = File.ReadAllText(Path.Combine(tree.Root, "infrastructure/widget-operator/release.yaml"));
        tree.Write("infrastructure/widget-lab/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - namespace.yaml\n  - release.yaml\n");
        tree.Write("infrastructure/widget-lab/namespace.yaml",
            "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: widgets-lab\n  labels:\n    pod-security.kubernetes.io/enforce: restricted\n");
        tree.Write("infrastructure/widget-lab/release.yaml", release.Replace("namespace: widgets-system", "namespace: widgets-lab", StringComparison.Ordinal));
        var operators = File.ReadAllText(Path.Combine(tree.Root, "clusters/test/operators.yaml"));
        tree.Write("clusters/test/operators.yaml", operators + "---\n" + operators.Replace("name: widget-operator", "name: widget-lab", StringComparison.Ordinal)
            .Replace("./infrastructure/widget-operator", "./infrastructure/widget-lab", StringComparison.Ordinal));

        var result = await Validation.RunAsync(tree.Root, offline: false, cache: NewCache());

        // helm creates a crds/ CRD when absent and no release owns it: two releases of one chart share it.
        Validation.Lines(result, []).ShouldBeEmpty(string.Join("\n", result.Diagnostics));
        var crds = result.Tree!.AllObjects.Where(o => o.Kind == "CustomResourceDefinition").ToList();
        crds.Count.ShouldBe(2);
        crds.ShouldAllBe(o => o.Origin.FromChartCrdsFolder);
        result.Tree.AllObjects.Where(o => o.Origin.HelmRelease != null && o.Kind != "CustomResourceDefinition").ShouldAllBe(o => !o.Origin.FromChartCrdsFolder);
    }

    private static FixtureTree Tree(ChartRepository repo, string version = "1.0.0", string imageTag = "1.0.0", string widgetSize = "3") =>
        FixtureTree.Create("_helm", new Dictionary<string, string>
        {
            ["{{CHART_REPO}}"] = repo.Url,
            ["{{CHART_VERSION}}"] = version,
            ["{{IMAGE_TAG}}"] = imageTag,
            ["{{WIDGET_SIZE}}"] = widgetSize,
        });

    private static string NewCache() => Directory.CreateTempSubdirectory("homeops-helm-cache-").FullName;
}
