using System.Text.Json.Nodes;
using HomeOps.Core.Diagnostics;
using HomeOps.Fakes.Controllers;
using HomeOps.Fakes.Kubernetes;
using HomeOps.Operations.Bootstrap;
using HomeOps.Operations.Bootstrap.Steps;
using HomeOps.Operations.Bootstrap.Tree;
using HomeOps.Operations.Recovery;
using HomeOps.Operations.Recovery.Backup;
using HomeOps.Operations.Recovery.Flux;
using HomeOps.Operations.Recovery.Rebuild;
using HomeOps.Operations.Recovery.Restore;
using HomeOps.Operations.Tests.Bootstrap;

namespace HomeOps.Operations.Tests.Recovery;

/// <summary>
/// Drills of `homeops recovery rebuild`: a backup of the running fake cluster, then the rebuild resets every node
/// (which wipes the fake API server, as a reset wipes etcd), bootstraps it again and restores the data. The fake
/// kustomize-controller creates the tree's Kustomizations; what the data Kustomizations would apply is played by
/// <see cref="Drill"/> (the data CRDs, as the longhorn and cnpg-operator charts install them, and the ObjectStore and
/// Cluster of postgresql-cluster, rendered with the Kustomization's own spec.patches).
/// </summary>
public sealed class RebuildTests
{
    private static readonly BootstrapOptions s_options = new() { WaitTimeout = TimeSpan.FromSeconds(20), PollDelay = TimeSpan.FromMilliseconds(5), MaxPollDelay = TimeSpan.FromMilliseconds(50) };

    private sealed class Drill(RecoveryHarness h) : IFakeController
    {
        private readonly HashSet<string> _suspended = new(StringComparer.Ordinal);

        public List<string> Events { get; } = [];

        /// <summary>Set once etcd is wiped: events before belong to the old cluster.</summary>
        public bool Wiped { get; private set; }

        public void OnWiped(FakeKubeStore store)
        {
            Wiped = true;
            h.Longhorn.Volumes.Clear();
            foreach (var file in new[] { "cnpg/postgresql.cnpg.io_clusters.yaml", "cnpg/postgresql.cnpg.io_backups.yaml", "cnpg/barmancloud.cnpg.io_objectstores.yaml", "longhorn/longhorn.io_systembackups.yaml", "longhorn/longhorn.io_systemrestores.yaml" })
            {
                store.Create(FakeResourceType.Crd, null, RecoveryHarness.ReadCrd(file));
            }

            EnsureNamespace(store, "longhorn-system");
        }

        public void OnChanged(FakeKubeStore store, FakeWatchEvent change)
        {
            if (!Wiped)
            {
                return;
            }

            var name = FakeKubeStore.NameOf(change.Object);
            var kind = change.Type.Kind;
            if (kind == "Kustomization" && change.EventType == "ADDED")
            {
                Events.Add((FluxObjects.IsSuspended(change.Object) ? "created suspended " : "created ") + name);
                if (FluxObjects.IsSuspended(change.Object))
                {
                    _suspended.Add(name);
                }
            }
            else if (kind == "Kustomization" && change.EventType == "MODIFIED" && !FluxObjects.IsSuspended(change.Object) && _suspended.Remove(name))
            {
                Events.Add("resumed " + name);
                if (name == "postgresql-cluster")
                {
                    Apply(store, (JsonObject)change.Object.DeepClone());
                }
            }
            else if (kind == "SystemRestore" && change.Object["status"]?["state"]?.GetValue<string>() == "Completed" && !Events.Contains("volumes restored"))
            {
                Events.Add("volumes restored");
            }
            else if (kind == "Cluster" && DatabaseRestoreStep.IsReady(change.Object) && !Events.Contains("database ready"))
            {
                Events.Add("database ready");
            }
        }

        /// <summary>What kustomize-controller applies for postgresql-cluster: its namespace, ObjectStore and Cluster, with the Kustomization's patches.</summary>
        private void Apply(FakeKubeStore store, JsonObject kustomization)
        {
            EnsureNamespace(store, "postgresql-system");
            foreach (var obj in h.Tree.Tree.OfKind("barmancloud.cnpg.io", "ObjectStore").Concat(h.Tree.Tree.OfKind("postgresql.cnpg.io", "Cluster")))
            {
                store.Create(store.TypeOf(obj.ApiVersion, obj.Kind)!, obj.Namespace, FluxController.Render(kustomization, BootstrapTree.ToJson(obj)));
            }
        }

        private static void EnsureNamespace(FakeKubeStore store, string ns)
        {
            var namespaces = store.Type("", "v1", "namespaces")!;
            if (store.Get(namespaces, null, ns) is null)
            {
                store.Create(namespaces, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = ns } });
            }
        }
    }

    private sealed record Setup(RecoveryHarness H, Drill Drill, string Backup, IReadOnlySet<string> DatabaseUsers, IReadOnlySet<string> VolumeUsers, int EtcdBootstrapsBefore) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => H.DisposeAsync();
    }

    /// <summary>The running cluster with its data, and a backup of it.</summary>
    private static async Task<Setup> BackedUpAsync()
    {
        var h = await RecoveryHarness.StartAsync();
        await h.StartDataServicesAsync();
        h.StartEtcd();
        (await BackupService.RunAsync(h.Bootstrap.Workspace, h.Bootstrap.Environment, s_options, null, null, TestContext.Current.CancellationToken)).ShouldBeEmpty();
        var backup = Directory.GetDirectories(Path.Combine(h.Bootstrap.Paths.Root, "backups")).Single();
        var drill = new Drill(h);
        h.Store.AddController(drill);
        var wipe = h.Cluster.Talos.OnEtcdWiped!;
        h.Cluster.Talos.OnEtcdWiped = () =>
        {
            wipe();
            drill.OnWiped(h.Store);
        };
        return new Setup(h, drill, backup, h.Tree.DependentsOf("postgresql-cluster"), h.Tree.DependentsOf("longhorn-config"), h.Cluster.Talos.EtcdBootstraps);
    }

    private static Task<IReadOnlyList<Diagnostic>> RebuildAsync(Setup s, BootstrapOptions? options = null, Func<BootstrapStep, BootstrapStep>? wrap = null, string? confirm = "home-ops", string? backup = null) =>
        RebuildService.RunAsync(s.H.Bootstrap.Workspace, s.H.Bootstrap.Environment, options ?? s_options, new RebuildService.Request(backup ?? s.Backup, confirm), wrap, TestContext.Current.CancellationToken);

    private static BootstrapState State(Setup s) => BootstrapState.Load(Runtime.Files.PhysicalFileSystem.Instance, RecoveryWorkflow.StateFile(s.H.Bootstrap.Paths, RebuildService.Workflow), "home-ops");

    private static void ShouldHaveConverged(Setup s)
    {
        State(s).Steps.Values.ShouldAllBe(r => r.Status == StepStatus.Done);
        s.H.Cluster.Talos.EtcdBootstraps.ShouldBe(s.EtcdBootstrapsBefore + 1, "etcd is bootstrapped exactly once per rebuild");
        s.H.Cluster.Talos.Nodes.ShouldAllBe(n => n.Resets == 1, "every node is reset exactly once");
        var live = s.H.Live();
        live.Count.ShouldBe(s.H.Tree.All.Count());
        live.ShouldAllBe(k => !FluxObjects.IsSuspended(k) && FluxObjects.IsReady(k));
        s.H.Longhorn.Volumes.ShouldBe(["pvc-postgresql-cluster-1", "pvc-home-assistant-config", "pvc-mosquitto-data"], ignoreOrder: true);
        var recovered = s.H.Cnpg.Recovered.ShouldHaveSingleItem();
        recovered.From.ShouldEndWith("/postgresql-cluster");
        recovered.Into.ShouldEndWith("/postgresql-cluster-2");
        recovered.Into.ShouldNotBe(recovered.From);

        var events = s.Drill.Events;
        var held = s.DatabaseUsers.Concat(s.VolumeUsers).Select(u => u.Split('/')[1]).Append("postgresql-cluster").Append("longhorn-config").Distinct().ToList();
        foreach (var name in held)
        {
            events.ShouldContain("created suspended " + name, $"{name} must exist suspended before Flux applies the tree");
            events.ShouldNotContain("created " + name);
        }

        foreach (var user in s.DatabaseUsers.Select(u => u.Split('/')[1]))
        {
            events.IndexOf("resumed " + user).ShouldBeGreaterThan(events.IndexOf("database ready"), $"{user} resumed before its database was back");
        }

        foreach (var user in s.VolumeUsers.Select(u => u.Split('/')[1]).Append("postgresql-cluster"))
        {
            events.IndexOf("resumed " + user).ShouldBeGreaterThan(events.IndexOf("volumes restored"), $"{user} resumed before its volumes were back");
        }

        // The bootstrap Secrets are created from 1Password once, never overwritten.
        var store = s.H.Store;
        store.WriteCounts.GetValueOrDefault("update secrets").ShouldBe(0);
        store.WriteCounts.GetValueOrDefault("apply secrets").ShouldBe(0);
        store.Get(store.Type("", "v1", "secrets")!, "onepassword-connect", "onepassword-connect-token").ShouldNotBeNull();
    }

    [Fact]
    public async Task Rebuild_FromABackup_ResetsBootstrapsHoldsTheDataAndRestoresItInGraphOrder()
    {
        await using var s = await BackedUpAsync();

        (await RebuildAsync(s)).ShouldBeEmpty(string.Join("\n", s.H.Bootstrap.Progress.Lines.TakeLast(30)));

        ShouldHaveConverged(s);
        var held = State(s).Steps.Keys.ToList();
        held.IndexOf(ResetNodesStep.StepName).ShouldBeLessThan(held.IndexOf(ApplyConfigsStep.StepName));
    }

    /// <summary>
    /// One drill, every step: each run is killed right after the next step's action (or its probe), then resumed,
    /// until a run gets through. Sequential, because a fresh cluster and backup per step would cost minutes.
    /// </summary>
    [Fact]
    public async Task Rebuild_KilledAfterEveryStepInTurn_ResumeConvergesWithOneResetAndOneEtcdBootstrap()
    {
        await using var s = await BackedUpAsync();
        var killed = new List<string>();

        for (var run = 0; ; run++)
        {
            run.ShouldBeLessThan(80, "the rebuild never got through");
            try
            {
                (await RebuildAsync(s, s_options with { Resume = run > 0 }, x => killed.Contains(x.Name) ? x : new KillOnce(x, killed)))
                    .ShouldBeEmpty(string.Join("\n", s.H.Bootstrap.Progress.Lines.TakeLast(20)));
                break;
            }
            catch (SimulatedKillException)
            {
            }
        }

        ShouldHaveConverged(s);
        killed.ShouldBe(State(s).Steps.Keys, ignoreOrder: true);
        killed.ShouldContain(HoldDataStep.StepName);
        killed.ShouldContain("restore-database-postgresql-cluster");
    }

    [Fact]
    public async Task Rebuild_KilledAfterFluxSyncThenRunAgainWithoutResume_ProbesDoNotResetOrBootstrapAgain()
    {
        await using var s = await BackedUpAsync();
        await Should.ThrowAsync<SimulatedKillException>(() => RebuildAsync(s, wrap: x => x.Name == FluxSyncStep.StepName ? new KillAfterAction(x) : x));

        (await RebuildAsync(s)).ShouldBeEmpty(string.Join("\n", s.H.Bootstrap.Progress.Lines.TakeLast(20)));

        ShouldHaveConverged(s);
    }

    /// <summary>The dry run, an unconfirmed run and a backup that fails its checksum share one cluster: none of them may change it.</summary>
    [Fact]
    public async Task Rebuild_DryRunUnconfirmedOrWrongChecksum_PrintsOrRefusesAndChangesNothing()
    {
        await using var s = await BackedUpAsync();
        var writes = s.H.WriteRequests();

        (await RebuildAsync(s, s_options with { DryRun = true }, confirm: null)).ShouldBeEmpty();
        var lines = s.H.Bootstrap.Progress.Lines.ToList();
        int At(string text)
        {
            var at = lines.FindIndex(l => l.Contains(text, StringComparison.Ordinal));
            at.ShouldBeGreaterThanOrEqualTo(0, text);
            return at;
        }

        At("start verify-backup").ShouldBeLessThan(At("start preflight"));
        At("talosctl reset --nodes 172.29.51.11").ShouldBeLessThan(At("start apply-configs"));
        At("start hold-data").ShouldBeLessThan(At("start flux-sync"));
        At("\"path\":\"/spec/plugins/0/parameters/serverName\",\"value\":\"postgresql-cluster-2\"").ShouldBeGreaterThan(At("start hold-data"));
        At("start flux-ready").ShouldBeLessThan(At("apply SystemRestore longhorn-system/homeops-restore-"));
        At("start restore-database-postgresql-cluster").ShouldBeLessThan(At("resume kustomization flux-system/home-assistant"));

        var unconfirmed = await RebuildAsync(s, confirm: "homeops");
        unconfirmed.ShouldHaveSingleItem().Code.ShouldBe("HO5050");

        File.AppendAllText(Path.Combine(s.Backup, BackupRun.StateFile), " ");
        var corrupt = await RebuildAsync(s);
        corrupt.ShouldHaveSingleItem().Code.ShouldBe("HO7009");

        s.H.WriteRequests().ShouldBe(writes);
        s.H.Cluster.Talos.Nodes.ShouldAllBe(n => n.Resets == 0);
        s.H.Cluster.Talos.EtcdBootstraps.ShouldBe(s.EtcdBootstrapsBefore);
    }

    /// <summary>Kills a run right after the step's action, or right after a probe that found it done, once per step.</summary>
    private sealed class KillOnce(BootstrapStep inner, List<string> killed) : BootstrapStep
    {
        public override string Name => inner.Name;

        public override string Description => inner.Description;

        public override IReadOnlyList<string> DependsOn => inner.DependsOn;

        public override bool AlwaysRuns => inner.AlwaysRuns;

        public override async Task<bool> IsDoneAsync(BootstrapContext context, CancellationToken cancellationToken) =>
            await inner.IsDoneAsync(context, cancellationToken) ? throw Kill() : false;

        public override async Task RunAsync(BootstrapContext context, CancellationToken cancellationToken)
        {
            await inner.RunAsync(context, cancellationToken);
            throw Kill();
        }

        public override Task WaitAsync(BootstrapContext context, CancellationToken cancellationToken) => inner.WaitAsync(context, cancellationToken);

        public override IEnumerable<string> Plan(BootstrapContext context) => inner.Plan(context);

        private SimulatedKillException Kill()
        {
            killed.Add(Name);
            return new SimulatedKillException(Name);
        }
    }
}
