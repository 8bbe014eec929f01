using HomeOps.Core.GitOps.Model;
using HomeOps.Operations.GitOps;
using HomeOps.Runtime.Processes;
using HomeOps.Runtime.Tools;

namespace HomeOps.Operations.Tests.GitOps;

/// <summary>
/// The chart mirror: a folder of Helm repositories (real helm package + repo index) that validate reads before the
/// cache and the network, keyed by repository URL, chart and version.
/// </summary>
public sealed class ChartMirrorTests
{
    /// <summary>Nothing listens on the discard port: a download attempt fails, so a render proves the mirror served it.</summary>
    private const string UnreachableRepository = "http://127.0.0.1:9/charts";

    private static string ChartFolder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Charts", "widget-operator");

    [Fact]
    public async Task Validate_ChartInTheRepositorysMirrorFolder_RendersWithoutTheNetwork()
    {
        using var tree = Tree();
        var mirror = await MirrorAsync(ChartMirror.RepositoryFolder(UnreachableRepository));
        var result = await Validation.RunAsync(tree.Root, offline: false, cache: NewCache(), useCache: false, chartMirror: mirror);

        Validation.Lines(result, []).ShouldBeEmpty(string.Join("\n", result.Diagnostics));
        var release = result.Tree!.Find("flux-system/widget-operator")!.Releases.ShouldHaveSingleItem();
        release.Rendered.ShouldBeTrue(release.SkipReason);
        release.Objects.Single(o => o.Kind == "Deployment").Root.Str("spec", "replicas").ShouldBe("2");
    }

    [Fact]
    public async Task Validate_MirrorRootIndex_ServesEveryRepositoryEvenOffline()
    {
        using var tree = Tree();
        var mirror = await MirrorAsync(string.Empty);
        var result = await Validation.RunAsync(tree.Root, offline: true, cache: NewCache(), chartMirror: "file://" + mirror);
        result.Tree!.Find("flux-system/widget-operator")!.Releases.Single().Rendered.ShouldBeTrue();
        result.Diagnostics.ShouldNotContain(d => d.Code == "HO3012");
    }

    [Fact]
    public async Task Validate_MirrorOfAnotherRepositoryOrVersion_IsNotUsed()
    {
        var otherRepository = await MirrorAsync(ChartMirror.RepositoryFolder("https://charts.example.com"));
        using var tree = Tree();
        var result = await Validation.RunAsync(tree.Root, offline: true, cache: NewCache(), chartMirror: otherRepository);
        var skipped = result.Diagnostics.Single(d => d.Code == "HO3012");
        skipped.Message.ShouldContain("--offline");
        skipped.Hint!.ShouldContain("drop --offline");

        using var newer = Tree(version: "1.0.1");
        var versionResult = await Validation.RunAsync(newer.Root, offline: true, cache: NewCache(), chartMirror: await MirrorAsync(string.Empty));
        versionResult.Tree!.Find("flux-system/widget-operator")!.Releases.Single().Rendered.ShouldBeFalse();
    }

    [Fact]
    public async Task Validate_ChartNotRenderedForAnotherReason_DoesNotSayDropOffline()
    {
        using var tree = Tree();
        var result = await Validation.RunAsync(tree.Root, offline: false, cache: NewCache(), useCache: false);
        var skipped = result.Diagnostics.Single(d => d.Code == "HO3012");
        skipped.Hint!.ShouldNotContain("--offline");
        result.Diagnostics.ShouldContain(d => d.Code == "HO3010");
    }

    [Fact]
    public async Task Validate_MirrorFolderWithoutIndex_ReportsChartMirrorInvalid()
    {
        using var tree = Tree();
        var empty = Directory.CreateTempSubdirectory("homeops-mirror-").FullName;
        var result = await Validation.RunAsync(tree.Root, offline: true, cache: NewCache(), chartMirror: empty);
        var problem = result.Diagnostics.Single(d => d.Code == "HO3014");
        problem.Message.ShouldContain("holds no index.yaml");
    }

    /// <summary>A mirror with the widget-operator chart packaged into <paramref name="folder"/> (relative to the mirror root).</summary>
    private static async Task<string> MirrorAsync(string folder)
    {
        var root = Directory.CreateTempSubdirectory("homeops-mirror-").FullName;
        var repository = Directory.CreateDirectory(Path.Combine(root, folder)).FullName;
        foreach (var spec in new[] { Helm.Package(ChartFolder, repository), Helm.RepoIndex(repository, url: null) })
        {
            var result = await ProcessCommandRunner.Instance.RunAsync(spec, TestContext.Current.CancellationToken);
            result.Succeeded.ShouldBeTrue(result.ErrorSummary());
        }

        return root;
    }

    private static FixtureTree Tree(string version = "1.0.0") =>
        FixtureTree.Create("_helm", new Dictionary<string, string>
        {
            ["{{CHART_REPO}}"] = UnreachableRepository,
            ["{{CHART_VERSION}}"] = version,
            ["{{IMAGE_TAG}}"] = "1.0.0",
            ["{{WIDGET_SIZE}}"] = "3",
        });

    private static string NewCache() => Directory.CreateTempSubdirectory("homeops-helm-cache-").FullName;
}
