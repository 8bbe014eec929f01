using System.Text.Json.Nodes;
using HomeOps.Core.Diagnostics;
using HomeOps.Fakes.Kubernetes;
using HomeOps.Operations.Bootstrap;
using HomeOps.Operations.Bootstrap.Tree;
using HomeOps.Operations.Recovery.Backup;
using HomeOps.Operations.Recovery.Flux;
using HomeOps.Operations.Recovery.Restore;
using HomeOps.Operations.Tests.Bootstrap;

namespace HomeOps.Operations.Tests.Recovery;

/// <summary>
/// Drills of `homeops recovery restore`: a backup of the fake cluster, then the data lost (volumes gone, the database
/// Cluster gone) with the data Kustomizations suspended, as a rebuild leaves them; the restore must bring the data
/// back before anything that uses it resumes.
/// </summary>
public sealed class RestoreTests
{
    private static readonly BootstrapOptions s_options = new() { WaitTimeout = TimeSpan.FromSeconds(10), PollDelay = TimeSpan.FromMilliseconds(5), MaxPollDelay = TimeSpan.FromMilliseconds(50) };

    /// <summary>What Flux applies when postgresql-cluster resumes: the operator's recovering Cluster from git, and an event log.</summary>
    private sealed class Drill : IFakeController
    {
        public List<string> Events { get; } = [];

        public string? NewServerName { get; set; } = "postgresql-cluster-2";

        public required JsonObject TreeCluster { get; init; }

        public void OnChanged(FakeKubeStore store, FakeWatchEvent change)
        {
            var name = FakeKubeStore.NameOf(change.Object);
            var kind = change.Type.Kind;
            var resumed = change.EventType == "MODIFIED" && !FluxObjects.IsSuspended(change.Object);
            if (kind == "Kustomization" && resumed && !Events.Contains("resumed " + name))
            {
                Events.Add("resumed " + name);
                if (name == "postgresql-cluster")
                {
                    store.Create(store.TypeOf("postgresql.cnpg.io/v1", "Cluster")!, "postgresql-system", RecoveringCluster());
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

        private JsonObject RecoveringCluster()
        {
            var cluster = (JsonObject)TreeCluster.DeepClone();
            var spec = (JsonObject)cluster["spec"]!;
            spec["bootstrap"] = new JsonObject { ["recovery"] = new JsonObject { ["source"] = "before" } };
            spec["externalClusters"] = new JsonArray(new JsonObject
            {
                ["name"] = "before",
                ["plugin"] = new JsonObject
                {
                    ["name"] = "barman-cloud.cloudnative-pg.io",
                    ["parameters"] = new JsonObject { ["barmanObjectName"] = "postgresql-cluster-backup", ["serverName"] = "postgresql-cluster" },
                },
            });
            if (NewServerName is not null)
            {
                spec["plugins"]![0]!["parameters"]!["serverName"] = NewServerName;
            }

            return cluster;
        }
    }

    private sealed record Setup(RecoveryHarness H, Drill Drill, string Backup, IReadOnlySet<string> DatabaseUsers, IReadOnlySet<string> VolumeUsers) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => H.DisposeAsync();
    }

    /// <summary>A backup of the running cluster, then the disaster: volumes and database gone, data Kustomizations suspended.</summary>
    private static async Task<Setup> AfterDisasterAsync()
    {
        var h = await RecoveryHarness.StartAsync();
        await h.StartDataServicesAsync();
        h.StartEtcd();
        (await BackupService.RunAsync(h.Bootstrap.Workspace, h.Bootstrap.Environment, s_options, null, null, TestContext.Current.CancellationToken)).ShouldBeEmpty();
        var backup = Directory.GetDirectories(Path.Combine(h.Bootstrap.Paths.Root, "backups")).Single();

        var treeCluster = BootstrapTree.ToJson(h.Tree.Tree.Find("postgresql.cnpg.io", "Cluster", "postgresql-cluster")!);
        h.Store.Delete(h.Store.TypeOf("postgresql.cnpg.io/v1", "Cluster")!, "postgresql-system", "postgresql-cluster");
        h.Longhorn.Volumes.Clear();
        var databaseUsers = h.Tree.DependentsOf("postgresql-cluster");
        var volumeUsers = h.Tree.DependentsOf("longhorn-config");
        string[] suspended = [.. new[] { "flux-system/longhorn-config", "flux-system/postgresql-cluster" }.Concat(databaseUsers).Concat(volumeUsers).Distinct()];
        (await FluxSuspendService.SuspendAsync(h.Bootstrap.Workspace, h.Bootstrap.Environment, s_options, suspended, TestContext.Current.CancellationToken)).ShouldBeEmpty();
        var drill = new Drill { TreeCluster = treeCluster };
        h.Store.AddController(drill);
        return new Setup(h, drill, backup, databaseUsers, volumeUsers);
    }

    private static Task<IReadOnlyList<Diagnostic>> RestoreAsync(Setup s, BootstrapOptions? options = null, Func<BootstrapStep, BootstrapStep>? wrap = null) =>
        RestoreService.RunAsync(s.H.Bootstrap.Workspace, s.H.Bootstrap.Environment, options ?? s_options, s.Backup, wrap, TestContext.Current.CancellationToken);

    private static void ShouldHaveRestoredInOrder(Setup s)
    {
        var events = s.Drill.Events;
        events.ShouldContain("volumes restored");
        events.ShouldContain("database ready");
        s.DatabaseUsers.ShouldNotBeEmpty();
        s.H.Live().ShouldAllBe(k => !FluxObjects.IsSuspended(k) && FluxObjects.IsReady(k));
        s.H.Longhorn.Volumes.ShouldBe(["pvc-postgresql-cluster-1", "pvc-home-assistant-config", "pvc-mosquitto-data"], ignoreOrder: true);
        var recovered = s.H.Cnpg.Recovered.ShouldHaveSingleItem();
        recovered.From.ShouldEndWith("/postgresql-cluster");
        recovered.Into.ShouldEndWith("/postgresql-cluster-2");
        recovered.Into.ShouldNotBe(recovered.From);
        foreach (var user in s.DatabaseUsers.Select(u => u.Split('/')[1]))
        {
            events.IndexOf("resumed " + user).ShouldBeGreaterThan(events.IndexOf("database ready"), $"{user} resumed before its database was back");
        }

        foreach (var user in s.VolumeUsers.Select(u => u.Split('/')[1]).Append("postgresql-cluster"))
        {
            events.IndexOf("resumed " + user).ShouldBeGreaterThan(events.IndexOf("volumes restored"), $"{user} resumed before its volumes were back");
        }
    }

    [Fact]
    public async Task Restore_AfterDisaster_VolumesThenDatabaseIntoANewServerNameThenTheAppsInGraphOrder()
    {
        await using var s = await AfterDisasterAsync();
        var secrets = s.H.Store.Type("", "v1", "secrets")!;
        var token = s.H.Store.Get(secrets, "onepassword-connect", "onepassword-connect-token")!["metadata"]!["resourceVersion"]!.GetValue<string>();

        var steps = new List<string>();
        (await RestoreAsync(s, wrap: x => { steps.Add(x.Name); return x; })).ShouldBeEmpty();

        ShouldHaveRestoredInOrder(s);
        // The kill-and-resume theory below kills after each step: its rows are exactly the plan's steps.
        steps.ShouldBe(Steps().Select(row => row.Data), ignoreOrder: true, "the kill-and-resume rows must be the restore plan's steps");
        s.H.Store.Get(secrets, "onepassword-connect", "onepassword-connect-token")!["metadata"]!["resourceVersion"]!.GetValue<string>().ShouldBe(token);
        s.H.Cluster.Talos.EtcdBootstraps.ShouldBe(1);
    }

    /// <summary>
    /// Every step of the restore plan on the repository's tree (the test above asserts it): the volumes, the database,
    /// and a resume step per level of the dependency graph that holds a Kustomization the restore suspended (levels 5
    /// to 9 on this tree, the users of the volumes and of the database; the shallower levels were never suspended).
    /// </summary>
    public static TheoryData<string> Steps() =>
        [VolumeRestoreStep.StepName, "restore-database-postgresql-cluster", .. Enumerable.Range(5, 5).Select(ResumeLevelStep.StepName)];

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task Restore_KilledAfterAStep_ResumeConvergesInTheSameOrder(string step)
    {
        await using var s = await AfterDisasterAsync();
        var first = await Record.ExceptionAsync(() => RestoreAsync(s, wrap: x => x.Name == step ? new KillAfterAction(x) : x));
        first.ShouldBeOfType<SimulatedKillException>($"the restore plan has no step {step}");

        (await RestoreAsync(s, s_options with { Resume = true })).ShouldBeEmpty();

        ShouldHaveRestoredInOrder(s);
    }

    [Fact]
    public async Task Restore_NewClusterReusesTheOldServerName_HO7019AndNothingThatUsesItResumes()
    {
        await using var s = await AfterDisasterAsync();
        s.Drill.NewServerName = null;

        var diagnostics = await RestoreAsync(s);

        diagnostics.ShouldHaveSingleItem().Code.ShouldBe("HO7019");
        diagnostics[0].Message.ShouldContain("Expected empty archive");
        s.H.Cnpg.Recovered.ShouldBeEmpty();
        foreach (var user in s.DatabaseUsers)
        {
            FluxObjects.IsSuspended(s.H.Live(user.Split('/')[1])!).ShouldBeTrue();
        }
    }

    [Fact]
    public async Task Restore_ManifestChecksumWrong_HO7009AndNothingIsTouched()
    {
        await using var s = await AfterDisasterAsync();
        var state = Path.Combine(s.Backup, BackupRun.StateFile);
        File.AppendAllText(state, " ");
        var revision = s.H.WriteRequests();

        var diagnostics = await RestoreAsync(s);

        diagnostics.ShouldHaveSingleItem().Code.ShouldBe("HO7009");
        diagnostics[0].Message.ShouldContain(BackupRun.StateFile);
        s.H.WriteRequests().ShouldBe(revision);
        s.H.Longhorn.RestoredVolumes.ShouldBeEmpty();
    }

    [Fact]
    public async Task Restore_DryRun_PrintsTheGatedPlanAndChangesNothing()
    {
        await using var s = await AfterDisasterAsync();
        var revision = s.H.WriteRequests();

        (await RestoreAsync(s, s_options with { DryRun = true })).ShouldBeEmpty();

        s.H.WriteRequests().ShouldBe(revision);
        var lines = s.H.Bootstrap.Progress.Lines.ToList();
        lines.ShouldContain(l => l.Contains("apply SystemRestore longhorn-system/homeops-restore-", StringComparison.Ordinal));
        lines.IndexOf(lines.First(l => l.Contains("restore-database-postgresql-cluster", StringComparison.Ordinal)))
            .ShouldBeLessThan(lines.IndexOf(lines.First(l => l.Contains("resume kustomization flux-system/home-assistant", StringComparison.Ordinal))));
    }
}
