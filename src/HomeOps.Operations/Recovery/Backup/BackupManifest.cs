using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using HomeOps.Core.Diagnostics;
using HomeOps.Runtime.Files;

namespace HomeOps.Operations.Recovery.Backup;

/// <summary>
/// What one backup took, written last (atomically) into its folder as manifest.json: the files with their SHA-256 and
/// size, the CloudNativePG backups (cluster, object store, serverName, backup id) and the Longhorn SystemBackup.
/// A restore reads it first and refuses to start when a file is missing or does not match its checksum.
/// </summary>
public sealed record BackupManifest
{
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public int Format { get; init; } = CurrentFormat;

    public required string Cluster { get; init; }

    public required string Id { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public IReadOnlyList<BackupFile> Files { get; init; } = [];

    /// <summary>The control-plane node the etcd snapshot came from.</summary>
    public string? EtcdNode { get; init; }

    public IReadOnlyList<DatabaseBackup> Databases { get; init; } = [];

    public VolumeBackup? Volumes { get; init; }

    /// <summary>The git revision Flux had applied (the root GitRepository's artifact), if any.</summary>
    public string? GitRevision { get; init; }

    public sealed record BackupFile(string Name, string Sha256, long Bytes);

    /// <param name="ServerName">The folder of the object store the base backup and WAL are under; a recovery reads from it and writes to a new one.</param>
    public sealed record DatabaseBackup(string Namespace, string Cluster, string Backup, string Method, string? ObjectStore, string ServerName, string? BackupId, string? StoppedAt);

    public sealed record VolumeBackup(string Namespace, string SystemBackup, string? LonghornVersion);

    public string ToJson() => JsonSerializer.Serialize(this, s_json) + "\n";

    public void Write(IFileSystem files, string directory) =>
        files.WriteAllTextAtomic(Path.Combine(directory, BackupRun.ManifestFile), ToJson(), UnixFileMode.UserRead | UnixFileMode.UserWrite);

    /// <summary>The file's SHA-256 (lower-case hex) and size.</summary>
    public static BackupFile Checksum(IFileSystem files, string directory, string name)
    {
        var bytes = files.ReadAllBytes(Path.Combine(directory, name));
        return new BackupFile(name, Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.LongLength);
    }

    /// <summary>
    /// Reads the manifest of <paramref name="directory"/> and checks every file it lists. Returns the manifest only
    /// when all of it holds; otherwise every problem found (HO7008 unreadable, HO7010 missing, HO7009 checksum).
    /// </summary>
    public static (BackupManifest? Manifest, IReadOnlyList<Diagnostic> Problems) Verify(IFileSystem files, string directory, SourceSpan location, Func<string, string> display)
    {
        var path = Path.Combine(directory, BackupRun.ManifestFile);
        if (!files.FileExists(path))
        {
            return (null, [DiagnosticCatalog.RecoveryManifestUnreadable.At(location, display(path), "the file does not exist")]);
        }

        BackupManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(files.ReadAllText(path), s_json);
        }
        catch (JsonException e)
        {
            return (null, [DiagnosticCatalog.RecoveryManifestUnreadable.At(location, display(path), e.Message)]);
        }

        if (manifest is null || manifest.Format != CurrentFormat)
        {
            return (null, [DiagnosticCatalog.RecoveryManifestUnreadable.At(location, display(path), $"format {manifest?.Format.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "missing"}, expected {CurrentFormat}")]);
        }

        var problems = new List<Diagnostic>();
        foreach (var file in manifest.Files)
        {
            if (file.Name.Contains('/', StringComparison.Ordinal) || file.Name.Contains('\\', StringComparison.Ordinal) || file.Name.StartsWith('.'))
            {
                problems.Add(DiagnosticCatalog.RecoveryManifestUnreadable.At(location, display(path), $"file name '{file.Name}' leaves the backup folder"));
                continue;
            }

            if (!files.FileExists(Path.Combine(directory, file.Name)))
            {
                problems.Add(DiagnosticCatalog.RecoveryBackupFileMissing.At(location, file.Name, display(directory)));
                continue;
            }

            var actual = Checksum(files, directory, file.Name);
            if (!string.Equals(actual.Sha256, file.Sha256, StringComparison.OrdinalIgnoreCase) || actual.Bytes != file.Bytes)
            {
                problems.Add(DiagnosticCatalog.RecoveryChecksumMismatch.At(location, display(Path.Combine(directory, file.Name)), file.Sha256, file.Bytes, actual.Sha256, actual.Bytes));
            }
        }

        return problems.Count == 0 ? (manifest, []) : (null, problems);
    }
}
