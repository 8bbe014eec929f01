using System.Text.Json.Nodes;
using HomeOps.Core.Diagnostics;
using HomeOps.Operations.Bootstrap;
using HomeOps.Operations.Recovery.Backup;
using HomeOps.Operations.Tests.Bootstrap;

namespace HomeOps.Operations.Tests.Recovery;

/// <summary>`homeops recovery backup` against the fake cluster running the repository's own tree and data services.</summary>
public sealed class BackupTests
{
    private static readonly BootstrapOptions s_options = new() { WaitTimeout = TimeSpan.FromSeconds(10), PollDelay = TimeSpan.FromMilliseconds(5), MaxPollDelay = TimeSpan.FromMilliseconds(50) };

    private static async Task<RecoveryHarness> StartAsync()
    {
        var h = await RecoveryHarness.StartAsync();
        await h.StartDataServicesAsync();
        h.StartEtcd();
        return h;
    }

    private static Task<IReadOnlyList<Diagnostic>> BackupAsync(RecoveryHarness h, BootstrapOptions? options = null, Func<BootstrapStep, BootstrapStep>? wrap = null) =>
        BackupService.RunAsync(h.Bootstrap.Workspace, h.Bootstrap.Environment, options ?? s_options, outputRoot: null, wrap, TestContext.Current.CancellationToken);

    private static string BackupsRoot(RecoveryHarness h) => Path.Combine(h.Bootstrap.Paths.Root, "backups");

    private static string[] BackupFolders(RecoveryHarness h) => Directory.Exists(BackupsRoot(h)) ? Directory.GetDirectories(BackupsRoot(h)) : [];

    private static BackupManifest Verified(RecoveryHarness h, string folder)
    {
        var (manifest, problems) = BackupManifest.Verify(h.Bootstrap.Workspace.Files, folder, SourceSpan.File("manifest.json"), p => p);
        problems.ShouldBeEmpty();
        return manifest!;
    }

    [Fact]
    public async Task Backup_RunningCluster_TakesEachPartWaitsAndWritesAVerifiableManifest()
    {
        await using var h = await StartAsync();

        (await BackupAsync(h)).ShouldBeEmpty();

        var folder = BackupFolders(h).ShouldHaveSingleItem();
        var manifest = Verified(h, folder);
        manifest.Files.Select(f => f.Name).ShouldBe([BackupRun.EtcdFile, BackupRun.StateFile]);
        manifest.EtcdNode.ShouldBe(h.Cluster.Talos.Nodes[0].Address);
        h.Cluster.Talos.Snapshots.ShouldHaveSingleItem().Path.ShouldBe(Path.Combine(folder, BackupRun.EtcdFile));
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Path.Combine(folder, BackupRun.EtcdFile)).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        // CloudNativePG: a plugin Backup of the tree's cluster, completed, its id recorded with the serverName it went under.
        var database = manifest.Databases.ShouldHaveSingleItem();
        var live = h.Store.Get(h.Store.TypeOf("postgresql.cnpg.io/v1", "Backup")!, "postgresql-system", database.Backup)!;
        live["spec"]!["method"]!.GetValue<string>().ShouldBe("plugin");
        live["spec"]!["pluginConfiguration"]!["name"]!.GetValue<string>().ShouldBe("barman-cloud.cloudnative-pg.io");
        database.BackupId.ShouldBe(live["status"]!["backupId"]!.GetValue<string>());
        database.ServerName.ShouldBe("postgresql-cluster");
        database.ObjectStore.ShouldBe("postgresql-cluster-backup");
        h.Cnpg.Archives.Values.SelectMany(ids => ids).ShouldBe([database.BackupId!]);

        // Longhorn: a SystemBackup that backs every volume up again, Ready, on the backup target.
        manifest.Volumes!.SystemBackup.ShouldStartWith("homeops-");
        h.Longhorn.BackupTarget[manifest.Volumes.SystemBackup].ShouldBe(h.Longhorn.Volumes);
        var systemBackup = h.Store.Get(h.Store.TypeOf("longhorn.io/v1beta2", "SystemBackup")!, "longhorn-system", manifest.Volumes.SystemBackup)!;
        systemBackup["spec"]!["volumeBackupPolicy"]!.GetValue<string>().ShouldBe("always");
        manifest.Volumes.LonghornVersion.ShouldBe("v1.12.1");
    }

    [Fact]
    public async Task Backup_ClusterState_HasFluxObjectsAndSecretPresenceButNoSecretValue()
    {
        await using var h = await StartAsync();

        (await BackupAsync(h)).ShouldBeEmpty();

        var folder = BackupFolders(h).ShouldHaveSingleItem();
        var text = File.ReadAllText(Path.Combine(folder, BackupRun.StateFile));
        var state = JsonNode.Parse(text)!;
        state["flux"]!["kustomizations"]!.AsArray().Count.ShouldBe(h.Tree.All.Count());
        state["flux"]!["gitRepositories"]!.AsArray().ShouldHaveSingleItem();
        var token = state["bootstrapSecrets"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "onepassword-connect-token")!;
        token["present"]!.GetValue<bool>().ShouldBeTrue();
        token["keys"]!.AsArray().Select(k => k!.GetValue<string>()).ShouldBe(["token"]);
        state["bootstrapSecrets"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "onepassword-connect-credentials")!["present"]!.GetValue<bool>().ShouldBeTrue();
        foreach (var file in Directory.GetFiles(folder))
        {
            var content = File.ReadAllText(file);
            content.ShouldNotContain("c2VjcmV0LXRva2VuLXZhbHVl");
            content.ShouldNotContain("secret-token-value");
        }

        h.Bootstrap.Progress.Lines.ShouldNotContain(l => l.Contains("secret-token-value", StringComparison.Ordinal));
    }

    public static TheoryData<string> Steps() => [EtcdSnapshotStep.StepName, ClusterStateStep.StepName, "database-backup-postgresql-cluster", VolumeBackupStep.StepName, BackupManifestStep.StepName];

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task Backup_KilledAfterAStep_RerunFinishesTheSameBackupOnce(string step)
    {
        await using var h = await StartAsync();

        await Should.ThrowAsync<SimulatedKillException>(() => BackupAsync(h, wrap: s => s.Name == step ? new KillAfterAction(s) : s));
        (await BackupAsync(h, s_options with { Resume = true })).ShouldBeEmpty();

        var folder = BackupFolders(h).ShouldHaveSingleItem();
        var manifest = Verified(h, folder);
        h.Cluster.Talos.Snapshots.Count.ShouldBe(1);
        h.Cnpg.Archives.Values.SelectMany(ids => ids).ShouldBe([manifest.Databases.Single().BackupId!]);
        h.Longhorn.BackupTarget.Keys.ShouldBe([manifest.Volumes!.SystemBackup]);
    }

    [Fact]
    public async Task Backup_SecondRun_TakesASecondBackupInItsOwnFolder()
    {
        await using var h = await StartAsync();

        (await BackupAsync(h)).ShouldBeEmpty();
        (await BackupAsync(h)).ShouldBeEmpty();

        var folders = BackupFolders(h);
        folders.Length.ShouldBe(2);
        folders.Select(f => Verified(h, f).Id).Distinct().Count().ShouldBe(2);
        h.Cluster.Talos.Snapshots.Count.ShouldBe(2);
        h.Longhorn.BackupTarget.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Backup_DatabaseBackupFails_HO7005WithTheReason_ResumeTakesItAgain()
    {
        await using var h = await StartAsync();
        h.Cnpg.FailBackups = "barman-cloud-backup: An error occurred (AccessDenied) when calling the PutObject operation";

        var diagnostics = await BackupAsync(h);

        diagnostics.ShouldHaveSingleItem().Code.ShouldBe("HO7005");
        diagnostics[0].Message.ShouldContain("AccessDenied");
        File.Exists(Path.Combine(BackupFolders(h).Single(), BackupRun.ManifestFile)).ShouldBeFalse("no manifest for a backup that is not whole");

        h.Cnpg.FailBackups = null;
        (await BackupAsync(h, s_options with { Resume = true })).ShouldBeEmpty();
        Verified(h, BackupFolders(h).ShouldHaveSingleItem()).Databases.Single().BackupId.ShouldNotBeNull();
        h.Cluster.Talos.Snapshots.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Backup_LonghornSystemBackupFails_HO7006WithTheConditionMessage()
    {
        await using var h = await StartAsync();
        h.Longhorn.FailBackups = "failed to upload system backup: backup target is unavailable";

        var diagnostics = await BackupAsync(h);

        diagnostics.ShouldHaveSingleItem().Code.ShouldBe("HO7006");
        diagnostics[0].Message.ShouldContain("backup target is unavailable");
    }

    [Fact]
    public async Task Backup_DatabaseClusterNotInTheCluster_HO7004()
    {
        await using var h = await StartAsync();
        h.Store.Delete(h.Store.TypeOf("postgresql.cnpg.io/v1", "Cluster")!, "postgresql-system", "postgresql-cluster");

        (await BackupAsync(h)).ShouldHaveSingleItem().Code.ShouldBe("HO7004");
    }

    [Fact]
    public async Task Backup_DryRun_PrintsThePlanAndChangesNothing()
    {
        await using var h = await StartAsync();
        var revision = h.WriteRequests();

        (await BackupAsync(h, s_options with { DryRun = true })).ShouldBeEmpty();

        h.WriteRequests().ShouldBe(revision);
        BackupFolders(h).ShouldBeEmpty();
        File.Exists(Path.Combine(h.Bootstrap.Paths.Root, "recovery-backup-state.json")).ShouldBeFalse();
        var lines = h.Bootstrap.Progress.Lines.ToList();
        lines.ShouldContain(l => l.Contains("talosctl etcd snapshot", StringComparison.Ordinal));
        lines.ShouldContain(l => l.Contains("apply Backup postgresql-system/postgresql-cluster-homeops-", StringComparison.Ordinal) && l.Contains("\"method\":\"plugin\"", StringComparison.Ordinal));
        lines.ShouldContain(l => l.Contains("apply SystemBackup longhorn-system/homeops-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_FileChangedAfterTheBackup_HO7009NamesTheFileAndBothChecksums()
    {
        await using var h = await StartAsync();
        (await BackupAsync(h)).ShouldBeEmpty();
        var folder = BackupFolders(h).Single();
        var snapshot = Path.Combine(folder, BackupRun.EtcdFile);
        var bytes = File.ReadAllBytes(snapshot);
        bytes[10] ^= 0xff;
        File.WriteAllBytes(snapshot, bytes);
        var recorded = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, BackupRun.ManifestFile)))!["files"]![0]!["sha256"]!.GetValue<string>();

        var (manifest, problems) = BackupManifest.Verify(h.Bootstrap.Workspace.Files, folder, SourceSpan.File("manifest.json"), p => p);

        manifest.ShouldBeNull();
        var problem = problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe("HO7009");
        problem.Message.ShouldContain(snapshot);
        problem.Message.ShouldContain(recorded);
    }

    [Fact]
    public async Task Verify_MissingFileOrManifest_HO7010AndHO7008()
    {
        await using var h = await StartAsync();
        (await BackupAsync(h)).ShouldBeEmpty();
        var folder = BackupFolders(h).Single();
        File.Delete(Path.Combine(folder, BackupRun.StateFile));

        BackupManifest.Verify(h.Bootstrap.Workspace.Files, folder, SourceSpan.File("manifest.json"), p => p).Problems.ShouldHaveSingleItem().Code.ShouldBe("HO7010");

        File.WriteAllText(Path.Combine(folder, BackupRun.ManifestFile), "{\"format\": 1, \"cluster\": ");
        BackupManifest.Verify(h.Bootstrap.Workspace.Files, folder, SourceSpan.File("manifest.json"), p => p).Problems.ShouldHaveSingleItem().Code.ShouldBe("HO7008");
    }
}
