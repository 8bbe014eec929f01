using HomeOps.Testing;

namespace HomeOps.Cli.Tests.Commands;

/// <summary>`homeops recovery backup|verify` as the operator types them.</summary>
public sealed class RecoveryCommandTests
{
    [Fact]
    public async Task BackupDryRun_RepositoryTree_PrintsEachPartAndChangesNothing()
    {
        var result = await CliRunner.RunAsync(RepositoryPaths.Root, "recovery", "backup", "--dry-run");

        result.ExitCode.ShouldBe(0, result.Out + result.Error);
        result.Out.ShouldContain("talosctl etcd snapshot ");
        result.Out.ShouldContain("apply Backup postgresql-system/postgresql-cluster-homeops-");
        result.Out.ShouldContain("apply SystemBackup longhorn-system/homeops-");
        result.Out.ShouldContain("write ");
        result.Out.ShouldContain("recovery backup: dry run, nothing was changed");
    }

    [Fact]
    public async Task HelmReleaseResetDryRun_NoCluster_PrintsEachCommandAndBothRepairs()
    {
        var result = await CliRunner.RunAsync(RepositoryPaths.Root, "recovery", "helmrelease", "reset", "longhorn", "--dry-run");

        result.ExitCode.ShouldBe(0, result.Out + result.Error);
        result.Out.ShouldContain("suspend helmrelease longhorn-system/longhorn (spec.suspend: true)");
        result.Out.ShouldContain("helm history longhorn --namespace longhorn-system");
        result.Out.ShouldContain("helm rollback longhorn <last deployed revision> --namespace longhorn-system");
        result.Out.ShouldContain("helm uninstall longhorn --namespace longhorn-system");
        result.Out.ShouldContain("reconcile.fluxcd.io/resetAt");
        result.Out.ShouldContain("recovery helmrelease reset longhorn: dry run, nothing was changed");
    }

    [Fact]
    public async Task HelmReleaseReset_UnknownName_HO7011()
    {
        var result = await CliRunner.RunAsync(RepositoryPaths.Root, "recovery", "helmrelease", "reset", "longhron", "--dry-run");

        result.ExitCode.ShouldBe(1, result.Out + result.Error);
        result.Out.ShouldContain("HO7011");
    }

    [Fact]
    public async Task Restore_FolderWithoutManifest_RefusesWithHO7008BeforeAnythingElse()
    {
        using var temp = new TempDirectory();

        var result = await CliRunner.RunAsync(RepositoryPaths.Root, "recovery", "restore", temp.Path, "--dry-run");

        result.ExitCode.ShouldBe(1, result.Out + result.Error);
        result.Out.ShouldContain("HO7008");
        result.Out.ShouldNotContain("restore-volumes");
    }

    [Fact]
    public async Task RollbackDryRun_ShortId_HO7014()
    {
        var result = await CliRunner.RunAsync(RepositoryPaths.Root, "recovery", "rollback", "--to", "89abcdef", "--dry-run");

        result.ExitCode.ShouldBe(1, result.Out + result.Error);
        result.Out.ShouldContain("HO7014");
    }

    [Fact]
    public async Task Verify_FolderWithoutManifest_HO7008AndExitOne()
    {
        using var temp = new TempDirectory();

        var result = await CliRunner.RunAsync(temp.Path, "recovery", "verify", ".");

        result.ExitCode.ShouldBe(1, result.Out + result.Error);
        result.Out.ShouldContain("HO7008");
        result.Out.ShouldContain("the file does not exist");
    }

    [Fact]
    public async Task Verify_WholeBackup_ListsWhatItHolds()
    {
        using var temp = new TempDirectory();
        temp.Write("etcd.snapshot", "snapshot bytes");
        temp.Write("cluster-state.json", "{}\n");
        temp.Write("manifest.json", """
            {"format": 1, "cluster": "home-ops", "id": "20261207-040000", "createdAt": "2026-12-07T04:00:00+00:00",
             "files": [{"name": "etcd.snapshot", "sha256": "ee36ef8194c4dd1e734e6d64f62653008e6566dbd5e2cd7f289f0f4f3e4467a4", "bytes": 14},
                       {"name": "cluster-state.json", "sha256": "ca3d163bab055381827226140568f3bef7eaac187cebd76878e0b63e9e442356", "bytes": 3}]}
            """);

        var result = await CliRunner.RunAsync(temp.Path, "recovery", "verify", ".");

        result.ExitCode.ShouldBe(0, result.Out + result.Error);
        result.Out.ShouldContain("backup 20261207-040000 of home-ops");
        result.Out.ShouldContain("2 files match their checksums");

        temp.Write("etcd.snapshot", "snapshot bytes, changed");
        var changed = await CliRunner.RunAsync(temp.Path, "recovery", "verify", ".");

        changed.ExitCode.ShouldBe(1, changed.Out + changed.Error);
        changed.Out.ShouldContain("HO7009");
        changed.Out.ShouldContain("etcd.snapshot: the manifest records SHA-256 ee36ef81");
    }

    [Fact]
    public async Task RebuildDryRun_BackupOfThisCluster_PrintsResetBootstrapHoldAndRestoreInOrder()
    {
        using var temp = new TempDirectory();
        temp.Write("etcd.snapshot", "snapshot bytes");
        temp.Write("cluster-state.json", "{}\n");
        temp.Write("manifest.json", """
            {"format": 1, "cluster": "home-ops", "id": "20261207-040000", "createdAt": "2026-12-07T04:00:00+00:00",
             "files": [{"name": "etcd.snapshot", "sha256": "ee36ef8194c4dd1e734e6d64f62653008e6566dbd5e2cd7f289f0f4f3e4467a4", "bytes": 14},
                       {"name": "cluster-state.json", "sha256": "ca3d163bab055381827226140568f3bef7eaac187cebd76878e0b63e9e442356", "bytes": 3}],
             "databases": [{"namespace": "postgresql-system", "cluster": "postgresql-cluster", "backup": "b", "method": "plugin",
                            "objectStore": "postgresql-cluster-backup", "serverName": "postgresql-cluster"}],
             "volumes": {"namespace": "longhorn-system", "systemBackup": "homeops-20261207-040000"}}
            """);

        var result = await CliRunner.RunAsync(RepositoryPaths.Root, "recovery", "rebuild", temp.Path, "--dry-run");
        var etcd = await CliRunner.RunAsync(RepositoryPaths.Root, "recovery", "rebuild", temp.Path, "--dry-run", "--etcd-snapshot");

        result.ExitCode.ShouldBe(0, result.Out + result.Error);
        string[] order = ["verify-backup:", "reset-nodes:", "talosctl reset --nodes", "apply-configs:", "etcd-bootstrap:", "hold-data:",
            "apply kustomization flux-system/postgresql-cluster as the tree defines it, with spec.suspend: true", "\"value\":\"postgresql-cluster-2\"",
            "flux-sync:", "except the 12 held for the restore", "apply SystemRestore longhorn-system/homeops-restore-20261207-040000",
            "restore-database-postgresql-cluster:", "resume kustomization flux-system/home-assistant"];
        var at = order.Select(o => result.Out.IndexOf(o, StringComparison.Ordinal)).ToList();
        at.ShouldAllBe(i => i >= 0, result.Out);
        at.ShouldBeInOrder(SortDirection.Ascending, result.Out);
        result.Out.ShouldContain("recovery rebuild " + temp.Path + ": dry run, nothing was changed");

        // With the snapshot, etcd starts from it and the data is held as soon as the restored API answers.
        etcd.ExitCode.ShouldBe(0, etcd.Out + etcd.Error);
        etcd.Out.ShouldContain("talosctl bootstrap --nodes 172.29.51.11 --endpoints 172.29.51.11 --talosconfig ");
        etcd.Out.ShouldContain("--recover-from " + Path.Combine(temp.Path, "etcd.snapshot"));
        string[] etcdOrder = ["etcd-bootstrap:", "api-ready:", "hold-data:", "suspend kustomization flux-system/postgresql-cluster", "delete Cluster postgresql-system/postgresql-cluster", "nodes-registered:", "flux-sync:"];
        var etcdAt = etcdOrder.Select(o => etcd.Out.IndexOf(o, StringComparison.Ordinal)).ToList();
        etcdAt.ShouldAllBe(i => i >= 0, etcd.Out);
        etcdAt.ShouldBeInOrder(SortDirection.Ascending, etcd.Out);
    }
}
