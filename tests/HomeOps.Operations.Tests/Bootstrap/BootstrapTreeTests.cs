using HomeOps.Operations.Bootstrap;
using HomeOps.Operations.Bootstrap.Steps;
using HomeOps.Operations.GitOps;
using HomeOps.Runtime.Files;
using HomeOps.Runtime.Processes;
using HomeOps.Testing;

namespace HomeOps.Operations.Tests.Bootstrap;

/// <summary>
/// The bootstrap reads the tree through the same build and Flux substitution as `validate` (issue 12): the same
/// values reach helm either way, and a core chart that cannot be resolved stops it before anything is applied.
/// </summary>
public sealed class BootstrapTreeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CoreChartValues_ValidateAndBootstrapDryRun_AreByteEqual()
    {
        Assert.SkipWhen(RepositoryPaths.SharedReference is null, "../shared/reference (the chart copies) is not next to this checkout");
        Assert.SkipWhen(ToolLocator.Find("helm") is null, "helm is not on PATH (./scripts/install-test-dependencies.sh puts it in .tools/bin)");
        var workspace = Workspace.Locate(PhysicalFileSystem.Instance, RepositoryPaths.Root, null);
        var cluster = Config.ClusterConfigService.Load(workspace).Config!;
        var (inputs, problems) = await BootstrapService.PlanInputsAsync(workspace, BootstrapPlanTests.Environment(new RecordingProgress()), cluster, Ct);
        problems.ShouldBeEmpty();
        var runner = new ReferenceChartRunner(Path.Combine(RepositoryPaths.SharedReference!, "charts"));
        var cache = Directory.CreateTempSubdirectory("homeops-values-").FullName;
        var releases = inputs!.Charts.Select(c => c.Release).ToHashSet(StringComparer.Ordinal);
        try
        {
            var rendered = await new ValidateService(runner, TimeProvider.System).RenderAsync(workspace, new ValidateOptions { CacheDirectory = cache, UseCache = false },
                k => k.Releases.Any(r => releases.Contains(r.Spec.ReleaseName)), Ct);
            rendered.Diagnostics.Where(d => d.IsError).ShouldBeEmpty();
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }

        var progress = new RecordingProgress();
        (await BootstrapService.RunAsync(workspace, BootstrapPlanTests.Environment(progress), new BootstrapOptions { DryRun = true }, Ct)).ShouldBeEmpty();
        var plan = string.Join("\n", progress.Lines);
        inputs.Charts.Count.ShouldBe(4);
        foreach (var chart in inputs.Charts)
        {
            runner.TemplateValues.ShouldContainKey(chart.Release);
            chart.ValuesYaml.ShouldBe(runner.TemplateValues[chart.Release], $"{chart.Release}: the bootstrap must install the values validate renders");
            plan.ShouldContain($"  {ChartStep.StepName(chart.Name)}: helm upgrade --install {chart.Release} ");
            plan.ShouldContain($"after Flux substitution ({ChartStep.ValuesDigest(runner.TemplateValues[chart.Release])})");
        }

        // The substituted Cilium values: cluster-settings' pod network, numbers kept numbers, strings kept strings.
        var cilium = inputs.Charts.Single(c => c.Name == "cilium").ValuesYaml;
        cilium.ShouldContain("k8sServicePort: 7445\n");
        cilium.ShouldContain("    clusterPoolIPv4PodCIDRList:\n    - 10.244.0.0/16\n");
        cilium.ShouldContain("    clusterPoolIPv4MaskSize: 24\n");
        cilium.ShouldContain("    clusterPoolIPv6PodCIDRList:\n    - fd47:25e1:2f96:5120::/64\n");
        cilium.ShouldNotContain("${");
    }

    [Fact]
    public async Task Bootstrap_TreeWithoutCiliumHelmRelease_ErrorAtGitopsPathAndNothingApplied()
    {
        await using var h = await BootstrapHarness.StartAsync(editTree: root =>
        {
            File.Delete(Path.Combine(root, "infrastructure", "cilium", "helmrelease.yaml"));
            File.WriteAllText(Path.Combine(root, "infrastructure", "cilium", "kustomization.yaml"), "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: []\n");
        });
        var writes = h.Cluster.Api.Store.WriteCounts.Values.Sum();

        var diagnostics = await h.RunAsync();

        var diagnostic = diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("HO5030");
        diagnostic.IsError.ShouldBeTrue();
        diagnostic.Location.ToString().ShouldBe($"cluster.yaml:{GitopsPathLine(h.Root)}:9");
        diagnostic.Message.ShouldContain("'cilium'");
        diagnostic.Message.ShouldContain("clusters/home-ops/");
        AssertNothingApplied(h, writes);
    }

    [Fact]
    public async Task Bootstrap_HelmReleaseSourceMissing_ErrorAtSourceRefAndNothingApplied()
    {
        await using var h = await BootstrapHarness.StartAsync(editTree: root =>
        {
            var file = Path.Combine(root, "infrastructure", "cilium", "helmrelease.yaml");
            File.WriteAllText(file, File.ReadAllText(file).Replace("        name: cilium\n", "        name: cilium-charts\n", StringComparison.Ordinal));
        });
        var writes = h.Cluster.Api.Store.WriteCounts.Values.Sum();

        var diagnostics = await h.RunAsync(h.Options with { DryRun = true });

        var diagnostic = diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("HO5031");
        diagnostic.Location.ToString().ShouldBe("infrastructure/cilium/helmrelease.yaml:22:7");
        diagnostic.Message.ShouldContain("HelmRepository 'flux-system/cilium-charts'");
        h.Progress.Lines.ShouldBeEmpty("no plan is shown for a tree the bootstrap cannot install");
        AssertNothingApplied(h, writes);
    }

    /// <summary>The line of gitops.path in the copied cluster.yaml.</summary>
    internal static int GitopsPathLine(string root) =>
        1 + Array.FindIndex(File.ReadAllLines(Path.Combine(root, "cluster.yaml")), l => l == "  path: clusters/home-ops");

    private static void AssertNothingApplied(BootstrapHarness h, int writesBefore)
    {
        h.Cluster.Runner.Calls.ShouldBeEmpty();
        h.Cluster.Api.Store.WriteCounts.Values.Sum().ShouldBe(writesBefore);
        File.Exists(h.Paths.StateFile).ShouldBeFalse();
    }
}
