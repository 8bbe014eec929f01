using System.Text.Json.Nodes;
using HomeOps.Core.Diagnostics;
using HomeOps.Fakes.Controllers;
using HomeOps.Operations.Bootstrap;
using HomeOps.Operations.Bootstrap.Tree;
using HomeOps.Operations.Recovery.Flux;
using HomeOps.Operations.Recovery.HelmReleases;
using HomeOps.Operations.Tests.Bootstrap;

namespace HomeOps.Operations.Tests.Recovery;

/// <summary>`homeops recovery helmrelease reset` on the tree's longhorn HelmRelease, stuck in the fake helm-controller.</summary>
public sealed class HelmReleaseResetTests
{
    private static readonly BootstrapOptions s_options = new() { WaitTimeout = TimeSpan.FromSeconds(10), PollDelay = TimeSpan.FromMilliseconds(5), MaxPollDelay = TimeSpan.FromMilliseconds(50) };

    private sealed record Stuck(RecoveryHarness H, HelmReleaseController Controller) : IAsyncDisposable
    {
        public JsonObject Live() => H.Store.Get(H.Store.TypeOf("helm.toolkit.fluxcd.io/v2", "HelmRelease")!, "longhorn-system", "longhorn")!;

        public List<Fakes.Programs.FakeHelm.Revision> History => H.Cluster.Helm.HistoryOf("longhorn-system", "longhorn");

        public ValueTask DisposeAsync() => H.DisposeAsync();
    }

    /// <summary>The tree's longhorn HelmRelease with a release whose history is <paramref name="history"/> (status, chart), stuck once retries ran out.</summary>
    private static async Task<Stuck> StuckAsync(params (string Status, string Chart)[] history)
    {
        var h = await RecoveryHarness.StartAsync();
        await h.StartDataServicesAsync();
        var controller = new HelmReleaseController(h.Cluster.Helm, TimeProvider.System);
        h.Store.AddController(controller);
        foreach (var (status, chart) in history)
        {
            h.Cluster.Helm.Record("longhorn-system", "longhorn", status, chart, status == "failed" ? "Upgrade \"longhorn\" failed: context deadline exceeded" : "Install complete");
        }

        var tree = h.Tree.Tree.Find("helm.toolkit.fluxcd.io", "HelmRelease", "longhorn", "longhorn-system")!;
        h.Store.Create(h.Store.TypeOf("helm.toolkit.fluxcd.io/v2", "HelmRelease")!, "longhorn-system", BootstrapTree.ToJson(tree));
        var stuck = new Stuck(h, controller);
        FluxObjects.IsReady(stuck.Live()).ShouldBeFalse();
        return stuck;
    }

    private static Task<IReadOnlyList<Diagnostic>> ResetAsync(Stuck s, BootstrapOptions? options = null, Func<BootstrapStep, BootstrapStep>? wrap = null, string name = "longhorn") =>
        HelmReleaseResetService.RunAsync(s.H.Bootstrap.Workspace, s.H.Bootstrap.Environment, options ?? s_options, name, null, wrap, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Reset_FailedUpgrade_RollsBackWhileSuspendedThenResumesReady()
    {
        await using var s = await StuckAsync(("deployed", "longhorn-1.12.0"), ("failed", "longhorn-1.12.1"));
        var suspendedDuringHelm = new List<bool>();
        s.H.Cluster.Runner.BeforeRun = spec =>
        {
            if (spec.Program == "helm" && spec.Arguments[0] is "rollback" or "uninstall")
            {
                suspendedDuringHelm.Add(FluxObjects.IsSuspended(s.Live()));
            }
        };

        (await ResetAsync(s)).ShouldBeEmpty();

        s.H.Cluster.Helm.Repairs.ShouldBe(["rollback longhorn-system/longhorn 1"]);
        suspendedDuringHelm.ShouldBe([true]);
        FluxObjects.IsSuspended(s.Live()).ShouldBeFalse();
        FluxObjects.IsReady(s.Live()).ShouldBeTrue();
        s.Live()["metadata"]!["annotations"]!["reconcile.fluxcd.io/resetAt"]!.GetValue<string>()
            .ShouldBe(s.Live()["status"]!["lastHandledResetAt"]!.GetValue<string>());
        s.History.Select(r => (r.Number, r.Status)).ShouldBe([(1, "superseded"), (2, "superseded"), (3, "superseded"), (4, "deployed")]);
        s.History[2].Description.ShouldBe("Rollback to 1");
        s.History[3].Chart.ShouldBe("longhorn-1.12.1");
    }

    [Fact]
    public async Task Reset_FirstInstallFailed_UninstallsThenHelmControllerInstallsAgain()
    {
        await using var s = await StuckAsync(("failed", "longhorn-1.12.1"));

        (await ResetAsync(s)).ShouldBeEmpty();

        s.H.Cluster.Helm.Repairs.ShouldBe(["uninstall longhorn-system/longhorn"]);
        FluxObjects.IsReady(s.Live()).ShouldBeTrue();
        s.History.ShouldHaveSingleItem().Status.ShouldBe("deployed");
    }

    [Fact]
    public async Task Reset_DryRun_ShowsTheExactHelmCommandsAndChangesNothing()
    {
        await using var s = await StuckAsync(("deployed", "longhorn-1.12.0"), ("failed", "longhorn-1.12.1"));
        var revision = s.H.WriteRequests();

        (await ResetAsync(s, s_options with { DryRun = true })).ShouldBeEmpty();

        s.H.WriteRequests().ShouldBe(revision);
        s.H.Cluster.Helm.Repairs.ShouldBeEmpty();
        var lines = s.H.Bootstrap.Progress.Lines.ToList();
        lines.ShouldContain("  suspend-helmrelease: suspend helmrelease longhorn-system/longhorn (spec.suspend: true)");
        lines.ShouldContain(l => l.StartsWith("  repair-release: helm history longhorn --namespace longhorn-system", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("  repair-release: helm rollback longhorn 1 --namespace longhorn-system", StringComparison.Ordinal));
        lines.ShouldContain(l => l.Contains("reconcile.fluxcd.io/resetAt", StringComparison.Ordinal));
    }

    public static TheoryData<string> Steps() => [SuspendHelmReleaseStep.StepName, RepairReleaseStep.StepName, ResumeHelmReleaseStep.StepName];

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task Reset_KilledAfterAStep_RerunConvergesWithOneRollback(string step)
    {
        await using var s = await StuckAsync(("deployed", "longhorn-1.12.0"), ("failed", "longhorn-1.12.1"));

        await Should.ThrowAsync<SimulatedKillException>(() => ResetAsync(s, wrap: x => x.Name == step ? new KillAfterAction(x) : x));
        (await ResetAsync(s, s_options with { Resume = true })).ShouldBeEmpty();

        s.H.Cluster.Helm.Repairs.ShouldBe(["rollback longhorn-system/longhorn 1"]);
        FluxObjects.IsReady(s.Live()).ShouldBeTrue();
        FluxObjects.IsSuspended(s.Live()).ShouldBeFalse();
    }

    [Fact]
    public async Task Reset_CauseNotFixed_TimesOutNamingTheFailedUpgrade()
    {
        await using var s = await StuckAsync(("deployed", "longhorn-1.12.0"), ("failed", "longhorn-1.12.1"));
        s.Controller.FailingCharts.Add("longhorn");

        var diagnostics = await ResetAsync(s, s_options with { WaitTimeout = TimeSpan.FromMilliseconds(500) });

        diagnostics.ShouldHaveSingleItem().Code.ShouldBe("HO5042");
        diagnostics[0].Message.ShouldContain("UpgradeFailed");
    }

    [Fact]
    public async Task Reset_UnknownName_HO7011ListingTheTreesHelmReleases()
    {
        await using var s = await StuckAsync(("deployed", "longhorn-1.12.0"), ("failed", "longhorn-1.12.1"));

        var diagnostics = await ResetAsync(s, name: "longhron");

        diagnostics.ShouldHaveSingleItem().Code.ShouldBe("HO7011");
        diagnostics[0].Hint!.ShouldContain("longhorn-system/longhorn");
    }
}
