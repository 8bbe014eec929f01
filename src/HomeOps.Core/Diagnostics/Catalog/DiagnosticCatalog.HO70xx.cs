namespace HomeOps.Core.Diagnostics;

// HO70xx: recovery (flux suspend/resume, backup, rebuild, HelmRelease reset, rollback).
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor RecoveryUnknownKustomization = Error(
        "HO7002", "recovery-unknown-kustomization", "No such Flux Kustomization in the tree",
        "The tree has no Flux Kustomization named '{0}'",
        "Kustomizations are: {1}");

    public static readonly DiagnosticDescriptor RecoveryEtcdSnapshotFailed = Error(
        "HO7003", "recovery-etcd-snapshot-failed", "The etcd snapshot failed",
        "talosctl could not take an etcd snapshot from {0}: {1}",
        "Check etcd on that node ('talosctl service etcd --nodes {0}'), then run 'homeops recovery backup --resume'");

    public static readonly DiagnosticDescriptor RecoveryDatabaseClusterMissing = Error(
        "HO7004", "recovery-database-cluster-missing", "A CloudNativePG cluster of the tree is not in the cluster",
        "The tree declares the CloudNativePG Cluster {0}, but the cluster has none of that name, so it cannot be backed up",
        "Let Flux create it (homeops flux resume), or remove it from the tree if it is gone on purpose");

    public static readonly DiagnosticDescriptor RecoveryDatabaseBackupFailed = Error(
        "HO7005", "recovery-database-backup-failed", "The CloudNativePG backup failed",
        "Backup {0} of the CloudNativePG cluster ended in phase '{1}': {2}",
        "Fix what the message names (object store credentials, the Barman Cloud plugin), then run 'homeops recovery backup --resume': it takes the backup again");

    public static readonly DiagnosticDescriptor RecoveryVolumeBackupFailed = Error(
        "HO7006", "recovery-volume-backup-failed", "The Longhorn system backup failed",
        "Longhorn SystemBackup {0} is in state '{1}': {2}",
        "Check Longhorn's backup target (Settings > Backup Target), then run 'homeops recovery backup --resume': it takes the system backup again");

    public static readonly DiagnosticDescriptor RecoveryDatabaseNotBackedUp = Warning(
        "HO7007", "recovery-database-not-backed-up", "A CloudNativePG cluster has no object store",
        "The CloudNativePG Cluster {0} has neither the Barman Cloud plugin nor spec.backup.barmanObjectStore, so its data is not in this backup",
        "Give it the Barman Cloud plugin (spec.plugins: barman-cloud.cloudnative-pg.io with a barmanObjectName), as infrastructure/postgresql-cluster does");

    public static readonly DiagnosticDescriptor RecoveryManifestUnreadable = Error(
        "HO7008", "recovery-manifest-unreadable", "The backup manifest cannot be read",
        "{0} is not a backup manifest HomeOps can use: {1}",
        "Point at the folder 'homeops recovery backup' wrote (it holds manifest.json); a backup that stopped half-way has no manifest: run it again with --resume");

    public static readonly DiagnosticDescriptor RecoveryChecksumMismatch = Error(
        "HO7009", "recovery-checksum-mismatch", "A backup file does not match its manifest",
        "{0}: the manifest records SHA-256 {1} ({2} bytes), the file has {3} ({4} bytes); it changed or was damaged after the backup, so nothing is restored from it",
        "Copy the file again from where the backup was kept, or use another backup");

    public static readonly DiagnosticDescriptor RecoveryBackupFileMissing = Error(
        "HO7010", "recovery-backup-file-missing", "A file of the backup is missing",
        "The manifest lists {0}, but it is not in {1}",
        "Copy the whole backup folder (manifest.json and every file it lists), or use another backup");

    public static readonly DiagnosticDescriptor RecoveryUnknownHelmRelease = Error(
        "HO7011", "recovery-unknown-helmrelease", "No such HelmRelease in the tree",
        "The tree has no HelmRelease named '{0}'",
        "HelmReleases are: {1}");

    public static readonly DiagnosticDescriptor RecoveryAmbiguousHelmRelease = Error(
        "HO7012", "recovery-ambiguous-helmrelease", "Several HelmReleases have that name",
        "The tree has a HelmRelease named '{0}' in more than one namespace: {1}",
        "Name the one to reset with --namespace");

    public static readonly DiagnosticDescriptor RecoveryHelmReleaseNotInCluster = Error(
        "HO7013", "recovery-helmrelease-not-in-cluster", "The HelmRelease is not in the cluster",
        "HelmRelease {0} is in the tree but not in the cluster, so there is nothing to reset",
        "Let Flux apply it first ('homeops flux resume' for its Kustomization); 'homeops status' shows what it waits on");

    public static readonly DiagnosticDescriptor RecoveryRevisionInvalid = Error(
        "HO7014", "recovery-revision-invalid", "Not a full commit id",
        "'{0}' is not a full git commit id (40 hex digits for SHA-1, 64 for SHA-256); Flux checks out exactly the commit it is given",
        "Print the full id with 'git rev-parse <short-id>' and pass that to --to");

    public static readonly DiagnosticDescriptor RecoveryGitRepositoryMissing = Error(
        "HO7015", "recovery-gitrepository-missing", "Flux's GitRepository is not in the cluster",
        "The GitRepository {0} that Flux syncs from does not exist, so there is nothing to roll back",
        "Run 'homeops bootstrap --only flux-sync' to apply Flux's sync first");

    public static readonly DiagnosticDescriptor RecoveryRevisionUnavailable = Error(
        "HO7016", "recovery-revision-unavailable", "Flux cannot fetch that commit",
        "source-controller cannot check out commit {0}: {1}",
        "Make sure the commit is pushed to the branch Flux follows, then run 'homeops recovery rollback --to {0} --resume'");

    public static readonly DiagnosticDescriptor RecoveryVolumeRestoreFailed = Error(
        "HO7017", "recovery-volume-restore-failed", "The Longhorn system restore failed",
        "Longhorn SystemRestore {0} of system backup {1} failed: {2}",
        "Check that the backup target holds that system backup (Longhorn UI > System Backup), then run 'homeops recovery restore --resume'");

    public static readonly DiagnosticDescriptor RecoveryDatabaseNotRecovering = Error(
        "HO7018", "recovery-database-not-recovering", "The CloudNativePG cluster does not recover from the backup",
        "Cluster {0} must recover from serverName {1} of the backup, but {2}",
        "In git, give the Cluster bootstrap.recovery from an externalClusters entry using the Barman Cloud plugin with the backup's barmanObjectName and serverName, and a new serverName in spec.plugins (docs/recovery.md), push, then run 'homeops recovery restore --resume'");

    public static readonly DiagnosticDescriptor RecoveryServerNameReused = Error(
        "HO7019", "recovery-server-name-reused", "The restored cluster would archive into the backup it restores from",
        "Cluster {0} recovers from serverName {1} and archives to {1} too; the Barman Cloud plugin refuses that with \"Expected empty archive\"",
        "Set a new serverName parameter in the Cluster's spec.plugins (for example {1}-2), push, then run 'homeops recovery restore --resume'");

    public static readonly DiagnosticDescriptor RecoveryBackupOfAnotherCluster = Error(
        "HO7020", "recovery-backup-of-another-cluster", "The backup is of another cluster",
        "{0} is a backup of cluster '{1}', not of '{2}'; nothing was restored",
        "Point at a backup of this cluster, or use the cluster.yaml of '{1}' (--file)");

    public static readonly DiagnosticDescriptor RecoveryDatabaseNotRecoverable = Error(
        "HO7021", "recovery-database-not-recoverable", "The rebuild cannot generate the database's recovery",
        "The rebuild cannot recover Cluster {0} from backup serverName {1}: {2}; nothing was reset",
        "The rebuild recovers CloudNativePG clusters archived with the Barman Cloud plugin (spec.plugins barman-cloud.cloudnative-pg.io with a barmanObjectName). Fix the tree, or take a backup with the plugin, then run the rebuild again");
}
