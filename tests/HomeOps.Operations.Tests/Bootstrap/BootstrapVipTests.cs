using HomeOps.Operations.Bootstrap;
using HomeOps.Operations.Bootstrap.Steps;

namespace HomeOps.Operations.Tests.Bootstrap;

/// <summary>
/// The API VIP answers only once etcd runs and Talos's VIP operator has elected an owner: until then the bootstrap
/// works through the first control plane's address and says so.
/// </summary>
public sealed class BootstrapVipTests
{
    [Fact]
    public async Task Bootstrap_VipNotAnsweringYet_ContinuesThroughTheNodeAddressAndSaysSo()
    {
        await using var h = await BootstrapHarness.StartAsync();
        h.Cluster.VipDelay = Timeout.InfiniteTimeSpan;

        (await h.RunAsync()).ShouldBeEmpty(string.Join("\n", h.Progress.Lines));

        h.Progress.Lines.ShouldContain("  api-ready: the VIP https://172.29.51.10:6443/ does not answer yet: staying on https://172.29.51.11:6443/");
        h.State.Facts[Facts.ApiServer].ShouldBe("https://172.29.51.11:6443/");
        h.State.Steps.Values.ShouldAllBe(s => s.Status == StepStatus.Done);
    }

    [Fact]
    public async Task Bootstrap_VipAnswersOnceEtcdRuns_SwitchesToTheVip()
    {
        await using var h = await BootstrapHarness.StartAsync();

        (await h.RunAsync()).ShouldBeEmpty();

        h.Progress.Lines.ShouldContain("  api-ready: the VIP https://172.29.51.10:6443/ answers: using it from now on");
        h.State.Facts[Facts.ApiServer].ShouldBe("https://172.29.51.10:6443/");
    }

    [Fact]
    public async Task Resume_VipStillDown_StaysOnTheNodeAddressRecordedBefore()
    {
        await using var h = await BootstrapHarness.StartAsync();
        h.Cluster.VipDelay = Timeout.InfiniteTimeSpan;
        await Should.ThrowAsync<SimulatedKillException>(() => h.RunAsync(wrap: s => s.Name == NamespacesStep.StepName ? new KillAfterAction(s) : s));

        (await h.RunAsync(h.Options with { Resume = true })).ShouldBeEmpty(string.Join("\n", h.Progress.Lines));

        h.State.Facts[Facts.ApiServer].ShouldBe("https://172.29.51.11:6443/");
    }
}
