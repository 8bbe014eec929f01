using System.Text.Json.Nodes;
using HomeOps.Fakes.Kubernetes;

namespace HomeOps.Fakes.Controllers;

/// <summary>
/// longhorn-manager 1.12's system backup and restore controllers, at the level of their CRs
/// (k8s/pkg/apis/longhorn/v1beta2/systembackup.go, systemrestore.go): a new SystemBackup ends in state "Ready" (with
/// status.version, createdAt) and is kept in <see cref="BackupTarget"/>; with <see cref="FailBackups"/> set it ends in
/// "Error" with an Error condition carrying that message. A new SystemRestore of a system backup the target holds
/// ends "Completed" and recreates its volumes (<see cref="RestoredVolumes"/>); of one it does not hold, "Error".
/// Does not model: the intermediate states (CreatingVolumeBackups, Generating, Uploading; Pending, Downloading,
/// Unpacking, Restoring), the backup target setting, volume data, timing. What a node's reboot does to the volumes
/// with a replica there is in LonghornController.Volumes.cs.
/// </summary>
public sealed partial class LonghornController(TimeProvider time) : IFakeController
{
    public const string Version = "v1.12.1";

    /// <summary>System backups on the backup target (it outlives the cluster): name → volume names.</summary>
    public Dictionary<string, List<string>> BackupTarget { get; } = new(StringComparer.Ordinal);

    /// <summary>Volumes the cluster has now (a system backup takes these; a restore brings them back).</summary>
    public List<string> Volumes { get; } = [];

    /// <summary>Volumes recreated by SystemRestores, in order.</summary>
    public List<string> RestoredVolumes { get; } = [];

    public string? FailBackups { get; set; }

    public void OnChanged(FakeKubeStore store, FakeWatchEvent change)
    {
        if (change.Type.Group == "" && change.Type.Kind == "Node")
        {
            OnNode(store, change);
            return;
        }

        if (change.EventType != "ADDED" || change.Type.Group != "longhorn.io" || change.Object["status"]?["state"] is not null)
        {
            return;
        }

        var ns = FakeKubeStore.NamespaceOf(change.Object);
        var name = FakeKubeStore.NameOf(change.Object);
        var now = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        if (change.Type.Kind == "SystemBackup")
        {
            if (FailBackups is { } error)
            {
                store.Mutate(change.Type, ns, name, o => o["status"] = Failed(error, "Upload", now));
                return;
            }

            BackupTarget[name] = [.. Volumes];
            store.Mutate(change.Type, ns, name, o => o["status"] = new JsonObject
            {
                ["state"] = "Ready",
                ["version"] = Version,
                ["createdAt"] = now,
                ["managerImage"] = $"longhornio/longhorn-manager:{Version}",
                ["conditions"] = new JsonArray(),
            });
        }
        else if (change.Type.Kind == "SystemRestore")
        {
            var source = change.Object["spec"]?["systemBackup"]?.GetValue<string>() ?? string.Empty;
            if (!BackupTarget.TryGetValue(source, out var volumes))
            {
                store.Mutate(change.Type, ns, name, o => o["status"] = Failed($"failed to restore Longhorn system: system backup {source} not found in the backup target", "Restore", now));
                return;
            }

            foreach (var volume in volumes.Where(v => !Volumes.Contains(v)))
            {
                Volumes.Add(volume);
                RestoredVolumes.Add(volume);
            }

            store.Mutate(change.Type, ns, name, o => o["status"] = new JsonObject { ["state"] = "Completed", ["conditions"] = new JsonArray() });
        }
    }

    private static JsonObject Failed(string message, string reason, string now) => new()
    {
        ["state"] = "Error",
        ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Error", ["status"] = "True", ["reason"] = reason, ["message"] = message, ["lastTransitionTime"] = now }),
    };
}
