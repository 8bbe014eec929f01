using HomeOps.Fakes.Kubernetes;
using HomeOps.Operations.Bootstrap;
using HomeOps.Operations.Bootstrap.Steps;

namespace HomeOps.Operations.Tests.Bootstrap;

/// <summary>Interrupted and failing runs, then a resume: it converges, and nothing finished runs again.</summary>
public sealed class BootstrapRecoveryTests
{
    public static TheoryData<string> StepNames() =>
    [
        TalosSecretsStep.StepName, TalosConfigsStep.StepName, ApplyConfigsStep.StepName, EtcdBootstrapStep.StepName,
        KubeconfigStep.StepName, ApiReadyStep.StepName, NodesRegisteredStep.StepName, NamespacesStep.StepName,
        BootstrapSecretsStep.StepName, CrdsStep.StepName, ChartStep.StepName("cilium"), ChartStep.StepName("external-secrets"),
        ChartStep.StepName("onepassword-connect"), ChartStep.StepName("flux"), FluxInstanceStep.StepName, FluxSyncStep.StepName, FluxReadyStep.StepName,
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
        foreach (var (name, record) in before.Steps.Where(s => s.Value.Status == StepStatus.Done && s.Key != PreflightStep.StepName))
        {
            after.Steps[name].Runs.ShouldBe(record.Runs, $"{name} finished before the kill and must not run again");
        }

        if (secretsBefore is not null)
        {
            File.ReadAllText(h.Paths.TalosSecrets).ShouldBe(secretsBefore);
        }
    }

    /// <summary>
    /// Kills a run right after each command of a whole run in turn (its effect happened, the state file does not know),
    /// then resumes: it converges, etcd is bootstrapped once, no secret is overwritten. Without a seeded bundle the run
    /// generates one and stores it with `op item create`, so the kill right after that store is covered; from the
    /// Talos configs on, the two runs issue the same commands, so the unseeded one stops there. Kill points run three
    /// at a time (each on its own fake cluster and repository copy).
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Resume_AfterKillAtEveryCommand_Converges(bool seeded)
    {
        // Count the commands of a whole run, then kill a fresh run right after each one in turn.
        List<string> commands;
        await using (var probe = await BootstrapHarness.StartAsync(seedTalosSecrets: seeded))
        {
            (await probe.RunAsync()).ShouldBeEmpty();
            commands = [.. probe.Cluster.Runner.Calls];
        }

        var last = seeded ? commands.Count : commands.FindIndex(c => c.StartsWith("talosctl apply-config", StringComparison.Ordinal));
        last.ShouldBeGreaterThan(0);
        if (!seeded)
        {
            commands.ShouldContain(c => c.StartsWith("op item create", StringComparison.Ordinal));
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = 3, CancellationToken = TestContext.Current.CancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(1, last), options, async (kill, _) =>
        {
            await using var h = await BootstrapHarness.StartAsync(seedTalosSecrets: seeded);
            var seen = 0;
            h.Cluster.Runner.AfterRun = spec =>
            {
                if (Interlocked.Increment(ref seen) == kill)
                {
                    throw new SimulatedKillException($"command {kill}: {spec.Display()}");
                }
            };
            await Should.ThrowAsync<SimulatedKillException>(() => h.RunAsync());
            h.Cluster.Runner.AfterRun = null;
            var secrets = File.Exists(h.Paths.TalosSecrets) ? File.ReadAllText(h.Paths.TalosSecrets) : null;
            var stored = h.Cluster.Op.Vaults.Find("Automation", "Talos Secrets - home-ops").SingleOrDefault()?.Field("talsecret");

            (await h.RunAsync(h.Options with { Resume = true })).ShouldBeEmpty($"killed after command {kill}: {commands[kill - 1]}");

            AssertConverged(h, itemsCreated: seeded ? 0 : 1);
            if (secrets is not null)
            {
                File.ReadAllText(h.Paths.TalosSecrets).ShouldBe(secrets, $"killed after command {kill}: the local bundle was overwritten");
            }

            if (stored is not null)
            {
                h.Cluster.Op.Vaults.Find("Automation", "Talos Secrets - home-ops").ShouldHaveSingleItem().Field("talsecret").ShouldBe(stored, $"killed after command {kill}");
            }
        });
    }

    private static void AssertConverged(BootstrapHarness h, int itemsCreated = 0)
    {
        h.State.Steps.Values.ShouldAllBe(s => s.Status == StepStatus.Done);
        h.Cluster.Talos.EtcdBootstraps.ShouldBe(1);
        h.Cluster.Op.ItemsCreated.ShouldBe(itemsCreated);
        h.Cluster.Op.ItemsEdited.ShouldBe(0);
        var store = h.Cluster.Api.Store;
        var secrets = store.Type("", "v1", "secrets")!;
        store.WriteCounts.GetValueOrDefault("update secrets").ShouldBe(0);
        store.WriteCounts.GetValueOrDefault("apply secrets", 0).ShouldBe(0, "an existing bootstrap Secret must never be overwritten");
        store.Get(secrets, "onepassword-connect", "onepassword-connect-credentials").ShouldNotBeNull();
        var kustomizations = store.List(store.TypeOf("kustomize.toolkit.fluxcd.io/v1", "Kustomization")!, null).Items;
        kustomizations.Count.ShouldBeGreaterThan(1, "Flux built the tree");
        kustomizations.ShouldAllBe(k => HomeOps.Operations.Recovery.Flux.FluxObjects.IsReady(k));
    }
}
