using System.Text.RegularExpressions;
using HomeOps.Testing;
using HomeOps.Tree.Tests.Tree;

namespace HomeOps.Tree.Tests;

/// <summary>
/// The CRD schemas `homeops validate` checks the tree against (schemas/crds) are those of the versions the tree
/// runs: each file's first line names its source, and that must be what the tree pins.
/// </summary>
public sealed partial class SchemaVersionTests
{
    [Fact]
    public async Task CrdSchemas_AreOfThePinnedVersions()
    {
        var tree = await FluxTree.Repository;
        var charts = tree.Objects.Where(o => o.Kind == "HelmRelease")
            .Select(o => (Chart: o.Node.Text("spec", "chart", "spec", "chart"), Version: o.Node.Text("spec", "chart", "spec", "version")))
            .ToHashSet();
        var flux = tree.Objects.Single(o => o.Kind == "FluxInstance").Node.Text("spec", "distribution", "version");
        var cilium = charts.Single(c => c.Chart == "cilium").Version;
        var files = Directory.EnumerateFiles(RepositoryPaths.Combine("schemas", "crds"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        files.Count.ShouldBeGreaterThan(30);

        var wrong = new List<string>();
        foreach (var file in files)
        {
            var first = File.ReadLines(file).First();
            var source = Source().Match(first);
            var pinned = !source.Success ? false
                : source.Groups["chart"].Success ? charts.Contains((source.Groups["chart"].Value, source.Groups["version"].Value))
                : source.Groups["repo"].Value switch
                {
                    "fluxcd/flux2" => source.Groups["tag"].Value == "v" + flux,
                    "cilium/cilium" => source.Groups["tag"].Value == "v" + cilium,
                    _ => false,
                };
            if (!pinned)
            {
                wrong.Add($"{Path.GetRelativePath(RepositoryPaths.Root, file)}: '{first}'");
            }
        }

        wrong.ShouldBeEmpty("schemas/crds files whose '# Source:' line is not a version the tree pins (scripts/schemas/crds-from-charts.sh regenerates chart CRDs)");
    }

    [Theory]
    [InlineData("cert-manager", "crd-certificates.yaml", "cert-manager")]
    [InlineData("cnpg", "postgresql.cnpg.io_clusters.yaml", "cloudnative-pg")]
    public async Task CrdSchemas_CertManagerAndCloudNativePg_ComeFromTheirPinnedCharts(string folder, string file, string chart)
    {
        var tree = await FluxTree.Repository;
        var version = tree.Objects.Where(o => o.Kind == "HelmRelease").Single(o => o.Node.Text("spec", "chart", "spec", "chart") == chart).Node.Text("spec", "chart", "spec", "version");

        File.ReadLines(RepositoryPaths.Combine("schemas", "crds", folder, file)).First().ShouldBe($"# Source: chart {chart} {version}");
    }

    [GeneratedRegex(@"^# Source: (chart (?<chart>[\w.-]+) (?<version>v?[\w.-]+)|(?<repo>[\w-]+/[\w-]+) (?<tag>v[\w.-]+) \(.+\))$")]
    private static partial Regex Source();
}
