using HomeOps.Operations.Bootstrap;
using HomeOps.Operations.Bootstrap.Steps;
using HomeOps.Operations.Bootstrap.Tree;
using HomeOps.Operations.Recovery.Flux;

namespace HomeOps.Operations.Tests.Bootstrap;

/// <summary>
/// Flux builds what the root Kustomization the bootstrap applied points at (repository URL, branch, path) from the
/// repository's own tree; a wrong gitops setting in cluster.yaml never "bootstraps".
/// </summary>
public sealed class BootstrapFluxTests
{
    [Fact]
    public async Task Bootstrap_RepositoryTree_FluxRunsEveryKustomizationOfTheTree()
    {
        await using var h = await BootstrapHarness.StartAsync();

        (await h.RunAsync()).ShouldBeEmpty(string.Join("\n", h.Progress.Lines));

        var (built, _) = await BootstrapTree.LoadAsync(h.Workspace, h.Environment.CheckRunner, TimeProvider.System, TestContext.Current.CancellationToken);
        var expected = FluxTree.From(built!).All.Select(k => k.Name).Order(StringComparer.Ordinal).ToList();
        var store = h.Cluster.Api.Store;
        var live = store.List(store.TypeOf("kustomize.toolkit.fluxcd.io/v1", "Kustomization")!, null).Items;
        live.Select(k => k["metadata"]!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal).ShouldBe(expected);
        live.ShouldAllBe(k => FluxObjects.IsReady(k));
        expected.Count.ShouldBeGreaterThan(10);
    }

    [Theory]
    [InlineData("repository: https://github.com/geoffdavis/talos-gitops", "repository: https://github.com/geofdavis/talos-gitops",
        "(https://github.com/geofdavis/talos-gitops, branch main)", "repository not found")]
    [InlineData("branch: main", "branch: mian", "(https://github.com/geoffdavis/talos-gitops, branch mian)", "couldn't find remote ref \"refs/heads/mian\"")]
    public async Task Bootstrap_GitopsRepositoryOrBranchWrong_FailsNamingWhatFluxCannotClone(string from, string to, string names, string cause)
    {
        await using var h = await BootstrapHarness.StartAsync(editTree: root =>
            File.WriteAllText(Path.Combine(root, "cluster.yaml"), File.ReadAllText(Path.Combine(root, "cluster.yaml")).Replace(from, to, StringComparison.Ordinal)));

        var clock = System.Diagnostics.Stopwatch.StartNew();

        // A deadline far away: the root's failure, standing for the grace, stops the wait long before it.
        var diagnostic = (await h.RunAsync(h.Options with { WaitTimeout = TimeSpan.FromMinutes(30), RootFailureGrace = TimeSpan.FromMilliseconds(300) })).ShouldHaveSingleItem(string.Join("\n", h.Progress.Lines));

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(5), "flux-ready stops once the root has failed for RootFailureGrace, not at WaitTimeout");
        diagnostic.Code.ShouldBe("HO5071", diagnostic.ToString());
        diagnostic.Message.ShouldStartWith("Flux's GitRepository flux-system " + names + " is not Ready: failed to checkout and determine revision");
        diagnostic.Message.ShouldContain(cause);
        diagnostic.Hint!.ShouldContain("gitops.repository and gitops.branch in cluster.yaml");
        h.State.Steps[FluxReadyStep.StepName].Status.ShouldBe(StepStatus.Failed);
        Kustomizations(h).ShouldBe(["flux-system"]);
    }

    [Fact]
    public async Task Bootstrap_GitopsPathNotInTheRepository_FailsNamingThePath()
    {
        await using var h = await BootstrapHarness.StartAsync();
        // The repository exists on that branch but does not hold the tree yet (the fork was never pushed).
        var empty = Directory.CreateDirectory(Path.Combine(h.Root, ".homeops", "empty-repository")).FullName;
        h.Cluster.ServeRepository("https://github.com/geoffdavis/talos-gitops", "main", empty);

        var diagnostic = (await h.RunAsync(h.Options with { WaitTimeout = TimeSpan.FromMinutes(30), RootFailureGrace = TimeSpan.FromMilliseconds(300) })).ShouldHaveSingleItem(string.Join("\n", h.Progress.Lines));

        diagnostic.Code.ShouldBe("HO5072", diagnostic.ToString());
        diagnostic.Message.ShouldStartWith("The root Kustomization flux-system cannot build './clusters/home-ops' from https://github.com/geoffdavis/talos-gitops (branch main): kustomization path not found");
        diagnostic.Hint!.ShouldContain("gitops.path");
        Kustomizations(h).ShouldBe(["flux-system"]);
    }

    private static List<string> Kustomizations(BootstrapHarness h)
    {
        var store = h.Cluster.Api.Store;
        return [.. store.List(store.TypeOf("kustomize.toolkit.fluxcd.io/v1", "Kustomization")!, null).Items.Select(k => k["metadata"]!["name"]!.GetValue<string>())];
    }
}
