using HomeOps.Fakes.Kubernetes;
using HomeOps.Operations.Bootstrap;

namespace HomeOps.Operations.Tests.Bootstrap;

/// <summary>Interrupted and failing runs, then a resume: it converges, and nothing finished runs again.</summary>
public sealed class BootstrapRecoveryTests
{
    public static TheoryData<string> StepNames() =>
    [
        BootstrapSteps.TalosSecrets, BootstrapSteps.TalosConfigs, BootstrapSteps.ApplyConfigs, BootstrapSteps.EtcdBootstrap,
        BootstrapSteps.Kubeconfig, BootstrapSteps.ApiReady, BootstrapSteps.NodesRegistered, BootstrapSteps.Namespaces,
        BootstrapSteps.BootstrapSecrets, BootstrapSteps.Crds, BootstrapSteps.Chart("cilium"), BootstrapSteps.Chart("external-secrets"),
        BootstrapSteps.Chart("onepassword-connect"), BootstrapSteps.Chart("flux"), "flux-instance", BootstrapSteps.FluxSync, BootstrapSteps.FluxReady,
    ];

    [Theory]
    [MemberData(nameof(StepNames))]
    public async Task Resume_AfterKillRightAfterAStepsAction_ConvergesWithoutRepeatingFinishedWork(string step)
    {
        await using var h = await BootstrapHarness.StartAsync();

        await Should.ThrowAsync<SimulatedKillException>(() => h.RunAsync(wrap: s => s.Name == step ? new KillAfterAction(s) : s));
        var before = h.State;
        var secretsBefore = File.Exists(h.Paths.TalosSecrets) ? File.ReadAllText(h.Paths.TalosSecrets) : null;
        (before.Steps.TryGetValue(step, out var killed) ? killed.Status : StepStatus.Pending).ShouldNotBe(StepStatus.Done);

        (await h.RunAsync(h.Options with { Resume = true })).ShouldBeEmpty(string.Join("\n", h.Progress.Lines));

        AssertConverged(h);
        var after = h.State;
        foreach (var (name, record) in before.Steps.Where(s => s.Value.Status == StepStatus.Done && s.Key != BootstrapSteps.Preflight))
        {
            after.Steps[name].Runs.ShouldBe(record.Runs, $"{name} finished before the kill and must not run again");
        }

        if (secretsBefore is not null)
        {
            File.ReadAllText(h.Paths.TalosSecrets).ShouldBe(secretsBefore);
        }
    }

    [Fact]
    public async Task Resume_AfterKillAtEveryCommand_Converges()
    {
        // Count the commands of a whole run, then kill a fresh run right after each one in turn.
        int total;
        await using (var probe = await BootstrapHarness.StartAsync())
        {
            (await probe.RunAsync()).ShouldBeEmpty();
            total = probe.Cluster.Runner.Calls.Count;
        }

        for (var k = 1; k <= total; k += 3)
        {
            await using var h = await BootstrapHarness.StartAsync();
            var seen = 0;
            var kill = k;
            h.Cluster.Runner.AfterRun = spec =>
            {
                if (++seen == kill)
                {
                    throw new SimulatedKillException($"command {kill}: {spec.Display()}");
                }
            };
            await Should.ThrowAsync<SimulatedKillException>(() => h.RunAsync());
            h.Cluster.Runner.AfterRun = null;

            (await h.RunAsync(h.Options with { Resume = true })).ShouldBeEmpty($"killed after command {k}");
            AssertConverged(h);
        }
    }

    private static void AssertConverged(BootstrapHarness h)
    {
        h.State.Steps.Values.ShouldAllBe(s => s.Status == StepStatus.Done);
        h.Cluster.Talos.EtcdBootstraps.ShouldBe(1);
        h.Cluster.Op.ItemsCreated.ShouldBe(0);
        h.Cluster.Op.ItemsEdited.ShouldBe(0);
        var store = h.Cluster.Api.Store;
        var secrets = store.Type("", "v1", "secrets")!;
        store.WriteCounts.GetValueOrDefault("update secrets").ShouldBe(0);
        store.WriteCounts.GetValueOrDefault("apply secrets", 0).ShouldBe(0, "an existing bootstrap Secret must never be overwritten");
        store.Get(secrets, "onepassword-connect", "onepassword-connect-credentials").ShouldNotBeNull();
        var kustomizations = store.List(store.TypeOf("kustomize.toolkit.fluxcd.io/v1", "Kustomization")!, null).Items;
        kustomizations.Count.ShouldBe(5);
    }
}
