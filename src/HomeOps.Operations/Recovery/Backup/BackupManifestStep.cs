using HomeOps.Operations.Bootstrap;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Operations.Recovery.Backup;

/// <summary>
/// Writes manifest.json last, once everything it lists is finished: a folder with a manifest is a whole backup.
/// Checksums are computed from the files on disk, backup ids read back from the cluster, so a resumed run records
/// exactly what the earlier run took.
/// </summary>
public sealed class BackupManifestStep(BackupRun run, BackupTargets targets, IReadOnlyList<string> dependsOn) : BootstrapStep
{
    public const string StepName = "manifest";

    public override string Name => StepName;

    public override string Description => "write manifest.json (checksums, backup ids) into the backup folder";

    public override IReadOnlyList<string> DependsOn => dependsOn;

    public override Task<bool> IsDoneAsync(BootstrapContext context, CancellationToken cancellationToken) =>
        Task.FromResult(context.Files.FileExists(run.PathOf(BackupRun.ManifestFile)));

    public override async Task RunAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        var databases = new List<BackupManifest.DatabaseBackup>();
        foreach (var database in targets.Databases.Where(d => d.Method is not null))
        {
            var backup = await context.Kube.GetAsync(RecoveryResources.DatabaseBackups, database.Namespace, run.DatabaseBackupName(database), cancellationToken).ConfigureAwait(false);
            databases.Add(new BackupManifest.DatabaseBackup(database.Namespace, database.Name, run.DatabaseBackupName(database), database.Method!, database.ObjectStore,
                database.ServerName, backup?["status"]?["backupId"]?.GetValue<string>(), backup?["status"]?["stoppedAt"]?.GetValue<string>()));
        }

        BackupManifest.VolumeBackup? volumes = null;
        if (targets.LonghornNamespace is { } longhorn)
        {
            var systemBackup = await context.Kube.GetAsync(RecoveryResources.SystemBackups, longhorn, run.ObjectName, cancellationToken).ConfigureAwait(false);
            volumes = new BackupManifest.VolumeBackup(longhorn, run.ObjectName, systemBackup?["status"]?["version"]?.GetValue<string>());
        }

        var git = await context.Kube.GetAsync(KubeResource.GitRepositories, "flux-system", "flux-system", cancellationToken).ConfigureAwait(false);
        var manifest = new BackupManifest
        {
            Cluster = context.Cluster.Cluster.Name,
            Id = run.Id,
            CreatedAt = context.Time.GetUtcNow(),
            Files = [.. new[] { BackupRun.EtcdFile, BackupRun.StateFile }.Select(f => BackupManifest.Checksum(context.Files, run.Directory, f))],
            EtcdNode = context.FirstControlPlane.Address.ToString(),
            Databases = databases,
            Volumes = volumes,
            GitRevision = git?["status"]?["artifact"]?["revision"]?.GetValue<string>(),
        };
        manifest.Write(context.Files, run.Directory);
        foreach (var file in manifest.Files)
        {
            context.Detail($"{file.Name}: sha256 {file.Sha256} ({file.Bytes} bytes)");
        }
    }

    public override IEnumerable<string> Plan(BootstrapContext context) =>
        [$"write {context.Workspace.Display(run.PathOf(BackupRun.ManifestFile))}: SHA-256 of {BackupRun.EtcdFile} and {BackupRun.StateFile}, backup ids, git revision"];
}
