using HomeOps.Fakes.Kubernetes;
using HomeOps.Operations.Bootstrap;

namespace HomeOps.Operations.Tests.Bootstrap;

/// <summary>The bootstrap against an API server that behaves as kube-apiserver does where it differs from a naive one.</summary>
public sealed class BootstrapApiServerTests
{
    /// <summary>
    /// A CRD is served some time after it is created (5 s with several API servers). Whatever runs after the crds step
    /// may use discovery (helm, kubectl), so the step must not be done, or be skipped as done, before every CRD is Established.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Bootstrap_CrdsEstablishSlowly_NoLaterStepStartsBeforeTheyAre(bool killedRightAfterApplyingThem)
    {
        await using var h = await BootstrapHarness.StartAsync();
        h.Cluster.Api.Store.CrdEstablishDelay = TimeSpan.FromSeconds(1.5);
        var notEstablished = new List<string>();
        var afterCrds = false;
        var allEstablishedWhenCrdsStarted = new List<bool>();
        h.Progress.OnStepStarted = step =>
        {
            if (step == BootstrapSteps.Crds)
            {
                var store = h.Cluster.Api.Store;
                allEstablishedWhenCrdsStarted.Add(store.AreEstablished(store.List(FakeResourceType.Crd, null).Items.Select(FakeKubeStore.NameOf)));
            }

            if (afterCrds)
            {
                var store = h.Cluster.Api.Store;
                notEstablished.AddRange(store.List(FakeResourceType.Crd, null).Items.Select(FakeKubeStore.NameOf).Where(n => !store.AreEstablished([n])).Select(n => $"{step}: {n}"));
                afterCrds = false;
            }

            afterCrds |= step == BootstrapSteps.Crds;
        };

        if (killedRightAfterApplyingThem)
        {
            await Should.ThrowAsync<SimulatedKillException>(() => h.RunAsync(wrap: s => s.Name == BootstrapSteps.Crds ? new KillAfterAction(s) : s));
            afterCrds = false;
            (await h.RunAsync(h.Options with { Resume = true })).ShouldBeEmpty(string.Join("\n", h.Progress.Lines));
        }
        else
        {
            (await h.RunAsync()).ShouldBeEmpty(string.Join("\n", h.Progress.Lines));
        }

        notEstablished.ShouldBeEmpty();
        // A resume may skip the step only when the CRDs were Established already when it probed them (how long the
        // resume takes to get there decides which: with a slow preflight the 1.5 s have passed).
        if (h.Progress.Lines.Contains($"skip {BootstrapSteps.Crds}: already done"))
        {
            allEstablishedWhenCrdsStarted[^1].ShouldBeTrue();
        }
    }
}
