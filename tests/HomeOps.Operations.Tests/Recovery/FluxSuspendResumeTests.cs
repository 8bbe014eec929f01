using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Model;
using HomeOps.Operations.Bootstrap;
using HomeOps.Operations.Recovery.Flux;
using HomeOps.Operations.Tests.Bootstrap;

namespace HomeOps.Operations.Tests.Recovery;

/// <summary>`homeops flux suspend|resume` against the fake cluster running the repository's own tree.</summary>
public sealed class FluxSuspendResumeTests
{
    private static readonly BootstrapOptions s_options = new() { WaitTimeout = TimeSpan.FromSeconds(10), PollDelay = TimeSpan.FromMilliseconds(5), MaxPollDelay = TimeSpan.FromMilliseconds(50) };

    private static Task<IReadOnlyList<Diagnostic>> SuspendAsync(RecoveryHarness h, params string[] names) =>
        FluxSuspendService.SuspendAsync(h.Bootstrap.Workspace, h.Bootstrap.Environment, s_options, names, TestContext.Current.CancellationToken);

    private static Task<IReadOnlyList<Diagnostic>> ResumeAsync(RecoveryHarness h, BootstrapOptions? options = null, Func<BootstrapStep, BootstrapStep>? wrap = null, params string[] names) =>
        FluxSuspendService.ResumeAsync(h.Bootstrap.Workspace, h.Bootstrap.Environment, options ?? s_options, names, wrap, TestContext.Current.CancellationToken);

    /// <summary>Every Kustomization came back after everything it depends on (dependsOn and the root that applies it).</summary>
    private static void ShouldFollowGraphOrder(RecoveryHarness h)
    {
        var resumed = h.Cluster.Flux.Resumed;
        resumed.Distinct().Count().ShouldBe(resumed.Count, "each Kustomization is resumed once");
        foreach (var k in h.Tree.All.Where(k => resumed.Contains(k.Name)))
        {
            foreach (var dependency in k.Object.Spec.Seq("dependsOn").Select(d => d.Str("name")!))
            {
                resumed.IndexOf(dependency).ShouldBeLessThan(resumed.IndexOf(k.Name), $"{k.Name} resumed before its dependency {dependency}");
            }
        }
    }

    [Fact]
    public async Task SuspendThenResume_WholeTree_ComesBackInGraphOrderAndReady()
    {
        await using var h = await RecoveryHarness.StartAsync();

        (await SuspendAsync(h)).ShouldBeEmpty();
        h.Live().ShouldAllBe(k => FluxObjects.IsSuspended(k));
        // Suspended while Ready: still Ready for the dependents (kustomize-controller's finalizeStatus).
        h.Live().ShouldAllBe(k => FluxObjects.IsReady(k));

        (await ResumeAsync(h)).ShouldBeEmpty();

        h.Live().ShouldAllBe(k => !FluxObjects.IsSuspended(k) && FluxObjects.IsReady(k));
        h.Cluster.Flux.Resumed.Count.ShouldBe(h.Tree.All.Count());
        ShouldFollowGraphOrder(h);
        // Not alphabetical: flux resume --all would bring authentik back before cert-manager it depends on.
        h.Cluster.Flux.Resumed.ShouldNotBe(h.Cluster.Flux.Resumed.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task Resume_NeverReconciledKustomizations_WaitsForEachDepth()
    {
        // Created suspended (as a rebuild leaves them): no conditions, so each blocks its dependents until it is back.
        await using var h = await RecoveryHarness.StartAsync(running: false);
        await h.StartFluxAsync();
        (await SuspendAsync(h)).ShouldBeEmpty();
        foreach (var k in h.Live())
        {
            h.Store.Mutate(h.Kustomizations, "flux-system", Fakes.Kubernetes.FakeKubeStore.NameOf(k), o => o.Remove("status"));
        }

        (await ResumeAsync(h)).ShouldBeEmpty();

        h.Live().ShouldAllBe(k => FluxObjects.IsReady(k));
        ShouldFollowGraphOrder(h);
    }

    public static TheoryData<int> Depths() => [.. Enumerable.Range(0, 10)];

    [Theory]
    [MemberData(nameof(Depths))]
    public async Task Resume_KilledAtADepth_ResumeConverges(int depth)
    {
        await using var h = await RecoveryHarness.StartAsync();
        if (depth >= h.Tree.Levels.Count)
        {
            Assert.Skip($"the tree has {h.Tree.Levels.Count} depths");
        }

        (await SuspendAsync(h)).ShouldBeEmpty();
        var killed = ResumeLevelStep.StepName(depth);

        await Should.ThrowAsync<SimulatedKillException>(() => ResumeAsync(h, wrap: s => s.Name == killed ? new KillAfterAction(s) : s));
        (await ResumeAsync(h, s_options with { Resume = true })).ShouldBeEmpty();

        h.Live().ShouldAllBe(k => !FluxObjects.IsSuspended(k) && FluxObjects.IsReady(k));
        ShouldFollowGraphOrder(h);
    }

    [Fact]
    public async Task Resume_Named_ResumesOnlyThoseInGraphOrder()
    {
        await using var h = await RecoveryHarness.StartAsync();
        (await SuspendAsync(h)).ShouldBeEmpty();

        (await ResumeAsync(h, names: ["home-assistant", "cert-manager", "sources"])).ShouldBeEmpty();

        h.Cluster.Flux.Resumed.ShouldBe(["sources", "cert-manager", "home-assistant"]);
        FluxObjects.IsSuspended(h.Live("cilium")!).ShouldBeTrue();
    }

    [Fact]
    public async Task Resume_DryRun_PrintsDepthsAndChangesNothing()
    {
        await using var h = await RecoveryHarness.StartAsync();
        (await SuspendAsync(h)).ShouldBeEmpty();
        // The fake's own controllers keep writing to its store (status updates), so the store's revision is no
        // measure of what the product did: count the write requests that reached the API server instead.
        var writes = WriteRequests(h);

        (await ResumeAsync(h, s_options with { DryRun = true })).ShouldBeEmpty();

        WriteRequests(h).ShouldBe(writes);
        h.Live().ShouldAllBe(k => FluxObjects.IsSuspended(k));
        var lines = h.Bootstrap.Progress.Lines.ToList();
        lines.ShouldContain("start resume-depth-0");
        lines.ShouldContain("  resume-depth-0: resume kustomization flux-system/flux-system (spec.suspend: false)");
        lines.IndexOf(lines.First(l => l.Contains("kustomization flux-system/cert-manager", StringComparison.Ordinal)))
            .ShouldBeLessThan(lines.IndexOf(lines.First(l => l.Contains("kustomization flux-system/authentik ", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task Resume_StuckKustomization_TimesOutNamingIt()
    {
        await using var h = await RecoveryHarness.StartAsync();
        (await SuspendAsync(h, "cert-manager")).ShouldBeEmpty();
        h.Cluster.Flux.Stuck.Add("cert-manager");

        var diagnostics = await ResumeAsync(h, s_options with { WaitTimeout = TimeSpan.FromMilliseconds(500) }, names: ["cert-manager"]);

        diagnostics.ShouldHaveSingleItem().Code.ShouldBe("HO5042");
        diagnostics[0].Message.ShouldContain("cert-manager: ProgressingWithRetry: health check failed");
    }

    [Fact]
    public async Task Resume_UnknownName_HO7002ListingTheTree()
    {
        await using var h = await RecoveryHarness.StartAsync(running: false);

        var diagnostics = await ResumeAsync(h, names: ["cert-manger"]);

        diagnostics.ShouldHaveSingleItem().Code.ShouldBe("HO7002");
        diagnostics[0].Hint!.ShouldContain("cert-manager");
    }

    [Fact]
    public async Task Suspend_NoKubeconfig_HO6001AsStatusSaysIt()
    {
        await using var h = await RecoveryHarness.StartAsync(running: false);
        File.Delete(h.Bootstrap.Paths.Kubeconfig);

        (await SuspendAsync(h)).ShouldHaveSingleItem().Code.ShouldBe("HO6001");
    }

    private static int WriteRequests(RecoveryHarness h) =>
        h.Cluster.Api.Requests.Count(r => !r.StartsWith("GET ", StringComparison.Ordinal));
}
