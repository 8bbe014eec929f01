using HomeOps.Core.Diagnostics;
using HomeOps.Core.Yaml;
using HomeOps.Testing;

namespace HomeOps.Operations.Tests.GitOps;

/// <summary>
/// The repository's own GitOps tree, as `homeops validate --offline` sees it with the chart mirror of ../shared (every
/// chart rendered, every rule run on the charts' objects) or, without ../shared, without the charts: clean, and complete.
/// </summary>
public sealed class RepositoryTreeTests
{
    [Fact]
    public async Task Validate_RepositoryTree_HasNoErrorOrWarning()
    {
        var result = await Validation.RunAsync(RepositoryPaths.Root, chartMirror: RepositoryPaths.ChartMirror);
        Validation.Lines(result, []).ShouldBeEmpty(string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public async Task Validate_RepositoryTree_BuildsEveryFluxKustomizationOfTheClusterFolder()
    {
        // Counted independently of validate: every Flux Kustomization declared under clusters/home-ops.
        var declared = new List<string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Combine("clusters", "home-ops"), "*.yaml", SearchOption.AllDirectories))
        {
            foreach (var document in YamlReader.ReadAll(File.ReadAllText(file), file, new DiagnosticBag()).OfType<YamlMapping>())
            {
                if (Text(document["apiVersion"]) == "kustomize.toolkit.fluxcd.io/v1" && Text(document["kind"]) == "Kustomization" && document["metadata"] is YamlMapping metadata)
                {
                    declared.Add($"{Text(metadata["namespace"])}/{Text(metadata["name"])}");
                }
            }
        }

        declared.Sort(StringComparer.Ordinal);
        declared.Count.ShouldBeGreaterThan(20);

        var result = await Validation.RunAsync(RepositoryPaths.Root);
        result.Tree!.Kustomizations.Select(k => k.Id).Order(StringComparer.Ordinal).ShouldBe(declared);
    }

    [Fact]
    public async Task Validate_RepositoryTreeWithTheChartMirror_RendersEveryHelmRelease()
    {
        Assert.SkipWhen(RepositoryPaths.ChartMirror is null, RepositoryPaths.NoChartMirror);
        var result = await Validation.RunAsync(RepositoryPaths.Root, offline: true, chartMirror: RepositoryPaths.ChartMirror);
        var releases = result.Tree!.Kustomizations.SelectMany(k => k.Releases).ToList();
        releases.Count.ShouldBe(19);
        releases.Where(r => !r.Rendered).Select(r => $"{r.Spec.Id}: {r.SkipReason}").ShouldBeEmpty(string.Join("\n", result.Diagnostics.Where(d => d.Code.StartsWith("HO30", StringComparison.Ordinal))));
        releases.ShouldAllBe(r => r.Objects.Count > 0);
    }

    private static string? Text(YamlNode? node) => (node as YamlScalar)?.Value;
}
