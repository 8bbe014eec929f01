using System.Globalization;

namespace HomeOps.Operations.Recovery.Backup;

/// <summary>
/// One backup: its id (the UTC time it started), the folder it writes (.homeops/&lt;cluster&gt;/backups/&lt;id&gt;/ unless
/// --output names another parent), and the names of the objects it creates in the cluster. A run that stops keeps its
/// id in the state file, so --resume finishes the same backup instead of starting another.
/// </summary>
public sealed record BackupRun(string Id, string Directory)
{
    public const string ManifestFile = "manifest.json";
    public const string EtcdFile = "etcd.snapshot";
    public const string StateFile = "cluster-state.json";

    /// <summary>Name of the Longhorn SystemBackup, and the suffix of each CloudNativePG Backup.</summary>
    public string ObjectName => $"homeops-{Id}";

    public string DatabaseBackupName(DatabaseCluster database) => $"{database.Name}-{ObjectName}";

    public string PathOf(string file) => Path.Combine(Directory, file);

    public static string NewId(TimeProvider time) => time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
}
