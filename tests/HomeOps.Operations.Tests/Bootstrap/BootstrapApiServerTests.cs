using HomeOps.Fakes.Kubernetes;
using HomeOps.Operations.Bootstrap;
using HomeOps.Operations.Bootstrap.Steps;

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
            if (step == CrdsStep.StepName)
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

            afterCrds |= step == CrdsStep.StepName;
        };

        if (killedRightAfterApplyingThem)
        {
            await Should.ThrowAsync<SimulatedKillException>(() => h.RunAsync(wrap: s => s.Name == CrdsStep.StepName ? new KillAfterAction(s) : s));
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
        if (h.Progress.Lines.Contains($"skip {CrdsStep.StepName}: already done"))
        {
            allEstablishedWhenCrdsStarted[^1].ShouldBeTrue();
        }
    }

    /// <summary>The API server stops answering right after the kubeconfig is written (the control plane restarting) and comes back.</summary>
    [Fact]
    public async Task Bootstrap_ApiServerDownAtApiReady_WaitsUntilItAnswersAndCompletes()
    {
        await using var h = await BootstrapHarness.StartAsync();
        var downs = 0;
        h.Cluster.Runner.AfterRun = spec =>
        {
            if (spec.Display().StartsWith("talosctl kubeconfig", StringComparison.Ordinal) && downs++ == 0)
            {
                h.Cluster.Api.TakeDownAsync(TimeSpan.FromSeconds(1.5)).GetAwaiter().GetResult();
            }
        };

        (await h.RunAsync()).ShouldBeEmpty(string.Join("\n", h.Progress.Lines));

        downs.ShouldBe(1);
        h.Progress.Lines.ShouldContain(l => l.StartsWith($"  {ApiReadyStep.StepName}: ", StringComparison.Ordinal), "api-ready reported what it waits on");
        h.State.Steps.Values.ShouldAllBe(s => s.Status == StepStatus.Done);
    }

    /// <summary>An API server that stays down: a diagnostic that names what it waited for, nothing later runs, and a resume once it is back converges.</summary>
    [Fact]
    public async Task Bootstrap_ApiServerStaysDownAtApiReady_HO5042ThenResumeConverges()
    {
        await using var h = await BootstrapHarness.StartAsync();
        h.Cluster.Runner.AfterRun = spec =>
        {
            if (spec.Display().StartsWith("talosctl kubeconfig", StringComparison.Ordinal))
            {
                h.Cluster.Api.StopAsync().GetAwaiter().GetResult();
            }
        };

        var diagnostic = (await h.RunAsync(h.Options with { WaitTimeout = TimeSpan.FromSeconds(1) })).ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe("HO5042");
        diagnostic.Message.ShouldContain("/readyz");
        h.Cluster.Helm.Releases.ShouldBeEmpty();
        h.Cluster.Runner.AfterRun = null;
        await h.Cluster.Api.RestartAsync();
        (await h.RunAsync(h.Options with { Resume = true })).ShouldBeEmpty(string.Join("\n", h.Progress.Lines));
        h.State.Steps.Values.ShouldAllBe(s => s.Status == StepStatus.Done);
        h.Cluster.Talos.EtcdBootstraps.ShouldBe(1);
    }

    /// <summary>Transient API errors (503 from /readyz, from the node list the CNI step watches) are retried, not reported.</summary>
    [Fact]
    public async Task Bootstrap_TransientApiErrorsAtApiReadyAndWhileWatchingNodes_Retried()
    {
        await using var h = await BootstrapHarness.StartAsync();
        h.Cluster.Runner.AfterRun = spec =>
        {
            if (spec.Display().StartsWith("talosctl kubeconfig", StringComparison.Ordinal))
            {
                h.Cluster.Api.Faults.FailNext(4, 503, "/readyz");
            }

            if (spec.Display().StartsWith("helm upgrade --install cilium ", StringComparison.Ordinal))
            {
                h.Cluster.Api.Faults.FailNext(4, 503, "/api/v1/nodes");
            }
        };

        (await h.RunAsync()).ShouldBeEmpty(string.Join("\n", h.Progress.Lines));

        h.Cluster.Api.Faults.Fired.ShouldBe(8);
        h.State.Steps.Values.ShouldAllBe(s => s.Status == StepStatus.Done);
    }

    /// <summary>The API server goes away as helm starts a core chart: helm's own error, then a resume installs it once.</summary>
    [Fact]
    public async Task Bootstrap_ApiServerDownDuringAHelmInstall_HO5032WithHelmsErrorThenResumeInstallsOnce()
    {
        await using var h = await BootstrapHarness.StartAsync();
        h.Cluster.Runner.BeforeRun = spec =>
        {
            if (spec.Display().StartsWith("helm upgrade --install external-secrets ", StringComparison.Ordinal) && h.Cluster.Api.IsUp)
            {
                h.Cluster.Api.StopAsync().GetAwaiter().GetResult();
            }
        };

        var diagnostic = (await h.RunAsync()).ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe("HO5032");
        diagnostic.Message.ShouldContain("Kubernetes cluster unreachable");
        h.Cluster.Helm.Releases.ContainsKey(("external-secrets", "external-secrets")).ShouldBeFalse();
        h.Cluster.Runner.BeforeRun = null;
        await h.Cluster.Api.RestartAsync();
        (await h.RunAsync(h.Options with { Resume = true })).ShouldBeEmpty(string.Join("\n", h.Progress.Lines));
        h.Cluster.Helm.HistoryOf("external-secrets", "external-secrets").ShouldHaveSingleItem().Status.ShouldBe("deployed");
        h.State.Steps.Values.ShouldAllBe(s => s.Status == StepStatus.Done);
    }
}
