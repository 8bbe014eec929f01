using HomeOps.Core.Schema;

namespace HomeOps.Core.ClusterConfig;

[ConfigObject("The data disks Longhorn stores volumes on.")]
public sealed record StorageSettings : ConfigObject
{
    [ConfigKey("dataDisk", "The disk on each node that becomes a Talos user volume for Longhorn.", Required = true)]
    public DataDiskSettings DataDisk { get; init; } = new();

    [ConfigKey("storageClass", "The Longhorn StorageClass that stores volumes on the data disks.", Format = ValueFormats.ObjectName)]
    public string StorageClass { get; init; } = "longhorn-ssd";

    [ConfigKey("replicas", "How many copies of each volume Longhorn keeps (at most the number of nodes).")]
    [Range(1, 16)]
    public int Replicas { get; init; } = 2;

    [ConfigKey("diskTag", "The Longhorn disk tag the StorageClass selects.", Format = ValueFormats.DnsLabel)]
    public string DiskTag { get; init; } = "ssd";

    [ConfigKey("backup", "The S3 backup target of Longhorn's recurring backups (required by the GitOps tree).")]
    public BackupTargetSettings? Backup { get; init; }

    [ConfigKey("databaseBackup", "The S3 bucket of the PostgreSQL cluster's Barman Cloud backups; without it they go to storage.backup's bucket under the path 'postgresql'.")]
    public BackupTargetSettings? DatabaseBackup { get; init; }

    /// <summary>Where the PostgreSQL cluster's backups go: <see cref="DatabaseBackup"/>, else Longhorn's bucket under postgresql/.</summary>
    public BackupTargetSettings? EffectiveDatabaseBackup => DatabaseBackup
        ?? (Backup is null ? null : Backup with { Path = string.IsNullOrEmpty(Backup.Path) ? "postgresql" : Backup.Path.TrimEnd('/') + "/postgresql" });
}

[ConfigObject("A data disk, provisioned by Talos as a user volume mounted at /var/mnt/<volumeName>.")]
public sealed record DataDiskSettings : ConfigObject
{
    [ConfigKey("volumeName", "The Talos user volume name (at most 34 characters); it is mounted at /var/mnt/<volumeName>.", Format = ValueFormats.UserVolumeName)]
    public string VolumeName { get; init; } = "longhorn-ssd";

    [ConfigKey("model", "The disk model to select, as Talos reports it.", Required = true, Example = "Portable SSD T5")]
    public string Model { get; init; } = string.Empty;

    [ConfigKey("maxSize", "The largest size the volume may take.", Example = "1TB", Format = ValueFormats.Size)]
    public string? MaxSize { get; init; }

    [ConfigKey("filesystem", "Filesystem of the volume: xfs or ext4.")]
    public FilesystemType Filesystem { get; init; } = FilesystemType.Xfs;

    /// <summary>Where Talos mounts the user volume on every node.</summary>
    public string MountPath => $"/var/mnt/{VolumeName}";
}
