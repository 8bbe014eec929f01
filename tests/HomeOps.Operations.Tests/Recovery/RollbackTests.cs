using HomeOps.Core.Diagnostics;
using HomeOps.Fakes.Controllers;
using HomeOps.Operations.Bootstrap;
using HomeOps.Operations.Recovery.Flux;
using HomeOps.Operations.Recovery.Rollback;
using HomeOps.Operations.Tests.Bootstrap;

namespace HomeOps.Operations.Tests.Recovery;

/// <summary>`homeops recovery rollback --to REV` against the fake source- and kustomize-controllers running the repository's tree.</summary>
public sealed class RollbackTests
{
    private const string Older = "89abcdef0123456789abcdef0123456789abcdef";

    private static readonly BootstrapOptions s_options = new() { WaitTimeout = TimeSpan.FromSeconds(10), PollDelay = TimeSpan.FromMilliseconds(5), MaxPollDelay = TimeSpan.FromMilliseconds(50) };

    private static async Task<(RecoveryHarness H, GitSourceController Source)> StartAsync()
    {
        var h = await RecoveryHarness.StartAsync(running: false);
        var source = h.Cluster.Source;
        source.Commits.Add(Older);
        await h.StartFluxAsync();
        h.Live().ShouldAllBe(k => k["status"]!["lastAppliedRevision"]!.GetValue<string>() == $"main@sha1:{GitSourceController.DefaultHead}");
        return (h, source);
    }

    private static Task<IReadOnlyList<Diagnostic>> RollbackAsync(RecoveryHarness h, string to, BootstrapOptions? options = null, Func<BootstrapStep, BootstrapStep>? wrap = null) =>
        RollbackService.RunAsync(h.Bootstrap.Workspace, h.Bootstrap.Environment, options ?? s_options, to, wrap, TestContext.Current.CancellationToken);

    private static Fakes.Kubernetes.FakeResourceType GitRepositories(RecoveryHarness h) => h.Store.TypeOf("source.toolkit.fluxcd.io/v1", "GitRepository")!;

    [Fact]
    public async Task Rollback_KnownCommit_PinsItKeepsTheBranchAndWaitsUntilEveryKustomizationAppliedIt()
    {
        var (h, _) = await StartAsync();
        await using var _h = h;

        (await RollbackAsync(h, Older)).ShouldBeEmpty();

        var repo = h.Store.Get(GitRepositories(h), "flux-system", "flux-system")!;
        repo["spec"]!["ref"]!["commit"]!.GetValue<string>().ShouldBe(Older);
        repo["spec"]!["ref"]!["branch"]!.GetValue<string>().ShouldBe("main");
        h.Live().ShouldAllBe(k => k["status"]!["lastAppliedRevision"]!.GetValue<string>() == $"main@sha1:{Older}" && FluxObjects.IsReady(k));
    }

    [Fact]
    public async Task Rollback_SuspendedKustomization_IsNotWaitedFor()
    {
        var (h, _) = await StartAsync();
        await using var _h = h;
        (await FluxSuspendService.SuspendAsync(h.Bootstrap.Workspace, h.Bootstrap.Environment, s_options, ["home-assistant"], TestContext.Current.CancellationToken)).ShouldBeEmpty();

        (await RollbackAsync(h, Older)).ShouldBeEmpty();

        h.Live("home-assistant")!["status"]!["lastAppliedRevision"]!.GetValue<string>().ShouldEndWith(GitSourceController.DefaultHead);
        h.Live("cert-manager")!["status"]!["lastAppliedRevision"]!.GetValue<string>().ShouldEndWith(Older);
    }

    [Fact]
    public async Task Rollback_CommitTheRepositoryLacks_HO7016WithSourceControllersMessage()
    {
        var (h, _) = await StartAsync();
        await using var _h = h;

        var diagnostics = await RollbackAsync(h, "fedcba9876543210fedcba9876543210fedcba98");

        diagnostics.ShouldHaveSingleItem().Code.ShouldBe("HO7016");
        diagnostics[0].Message.ShouldContain("object not found");
    }

    [Theory]
    [InlineData("89abcdef")]
    [InlineData("main")]
    public async Task Rollback_NotAFullCommitId_HO7014BeforeTouchingAnything(string to)
    {
        var (h, _) = await StartAsync();
        await using var _h = h;
        var revision = h.WriteRequests();

        (await RollbackAsync(h, to)).ShouldHaveSingleItem().Code.ShouldBe("HO7014");
        h.WriteRequests().ShouldBe(revision);
    }

    public static TheoryData<string> Steps() => [PinRevisionStep.StepName, SourceAtRevisionStep.StepName, AppliedRevisionStep.StepName];

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task Rollback_KilledAfterAStep_ResumeConverges(string step)
    {
        var (h, _) = await StartAsync();
        await using var _h = h;

        await Should.ThrowAsync<SimulatedKillException>(() => RollbackAsync(h, Older, wrap: s => s.Name == step ? new KillAfterAction(s) : s));
        (await RollbackAsync(h, Older, s_options with { Resume = true })).ShouldBeEmpty();

        h.Live().ShouldAllBe(k => k["status"]!["lastAppliedRevision"]!.GetValue<string>() == $"main@sha1:{Older}");
    }

    [Fact]
    public async Task Rollback_DryRun_PrintsThePinAndChangesNothing()
    {
        var (h, _) = await StartAsync();
        await using var _h = h;
        var revision = h.WriteRequests();

        (await RollbackAsync(h, Older, s_options with { DryRun = true })).ShouldBeEmpty();

        h.WriteRequests().ShouldBe(revision);
        h.Bootstrap.Progress.Lines.ShouldContain($"  pin-revision: apply gitrepository flux-system/flux-system spec.ref.commit: {Older} (field manager homeops-rollback; the branch stays)");
    }
}
