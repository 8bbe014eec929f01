using System.Globalization;
using System.Text.Json.Nodes;
using HomeOps.Fakes.Kubernetes;

namespace HomeOps.Fakes.Controllers;

/// <summary>
/// CloudNativePG 1.27's backup controller with the Barman Cloud plugin v0.5, as far as an on-demand Backup goes
/// (internal/controller/backup_controller.go): a Backup whose Cluster does not exist is left without a phase (the
/// operator retries every 30 s); method "plugin" on a Cluster without spec.plugins fails with "cannot proceed with
/// the backup as the cluster has no plugin configured", method "barmanObjectStore" without spec.backup with "...no
/// backup section"; otherwise the plugin writes a base backup under &lt;destinationPath&gt;/&lt;serverName&gt;/ of the
/// Cluster's ObjectStore and the Backup ends "completed" with a backupId, startedAt and stoppedAt.
/// <see cref="FailBackups"/> makes the plugin fail (an unreachable bucket). The object store is <see cref="Archives"/>;
/// a new Cluster's bootstrap (initdb or recovery) is modelled in CnpgController.Clusters.cs.
/// Does not model: volume snapshots, the pending/started/running/finalizing phases (a backup completes at once),
/// WAL archiving timing, hibernation, online/offline backups, retention.
/// </summary>
public sealed partial class CnpgController(TimeProvider time) : IFakeController
{
    /// <summary>What the object stores hold: "destinationPath/serverName" → backup ids, in order.</summary>
    public Dictionary<string, List<string>> Archives { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, every new Backup fails with this error (as the plugin reports a failed barman-cloud-backup).</summary>
    public string? FailBackups { get; set; }

    public void OnChanged(FakeKubeStore store, FakeWatchEvent change)
    {
        if (change.Type.Kind == "Pod" && change.Object["metadata"]?["labels"]?[ClusterLabel]?.GetValue<string>() is { } owner
            && store.TypeOf("postgresql.cnpg.io/v1", "Cluster") is { } clusterType)
        {
            if (change.EventType == "DELETED")
            {
                // An evicted or deleted instance comes back under its name, to reattach its PVC.
                RecreateInstance(store, clusterType, change.Object);
                return;
            }

            // An instance that became Ready may be the target a switchover waits for.
            Switchover(store, clusterType, FakeKubeStore.NamespaceOf(change.Object), owner);
            return;
        }

        if (change.Type.Group != "postgresql.cnpg.io")
        {
            return;
        }

        if (change.EventType == "DELETED")
        {
            if (change.Type.Kind == "Cluster")
            {
                RemoveInstances(store, change.Object);
            }

            return;
        }

        if (change.Type.Kind == "Cluster" && change.Object["status"] is null)
        {
            ReconcileCluster(store, change.Type, change.Object);
        }
        else if (change.Type.Kind == "Cluster")
        {
            if (change.Object["status"]?["currentPrimary"] is not null)
            {
                ReconcileBudgets(store, change.Object);
            }

            Switchover(store, change.Type, FakeKubeStore.NamespaceOf(change.Object), FakeKubeStore.NameOf(change.Object));
        }

        var backups = store.TypeOf("postgresql.cnpg.io/v1", "Backup");
        if (backups is null || change.Type.Kind is not ("Backup" or "Cluster"))
        {
            return;
        }

        // A new Cluster may be what a waiting Backup needs: look at every Backup without a phase.
        foreach (var backup in store.List(backups, change.Type.Kind == "Backup" ? FakeKubeStore.NamespaceOf(change.Object) : null).Items
                     .Where(b => string.IsNullOrEmpty(b["status"]?["phase"]?.GetValue<string>())))
        {
            Reconcile(store, backups, backup);
        }
    }

    private void Reconcile(FakeKubeStore store, FakeResourceType backups, JsonObject backup)
    {
        var ns = FakeKubeStore.NamespaceOf(backup);
        var name = FakeKubeStore.NameOf(backup);
        var clusters = store.TypeOf("postgresql.cnpg.io/v1", "Cluster")!;
        var cluster = store.Get(clusters, ns, backup["spec"]?["cluster"]?["name"]?.GetValue<string>() ?? string.Empty);
        if (cluster is null)
        {
            return;
        }

        var method = backup["spec"]?["method"]?.GetValue<string>() ?? "barmanObjectStore";
        var plugin = (cluster["spec"]?["plugins"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault();
        string? error = method switch
        {
            "plugin" when plugin is null => "cannot proceed with the backup as the cluster has no plugin configured",
            "barmanObjectStore" when cluster["spec"]?["backup"] is null => "cannot proceed with the backup as the cluster has no backup section",
            _ => FailBackups,
        };
        var objectStore = plugin?["parameters"]?["barmanObjectName"]?.GetValue<string>();
        var store_ = objectStore is null ? null : store.Get(store.TypeOf("barmancloud.cnpg.io/v1", "ObjectStore")!, ns, objectStore);
        if (error is null && method == "plugin" && store_ is null)
        {
            // Inferred: the plugin cannot load the ObjectStore the Cluster names.
            error = $"objectstores.barmancloud.cnpg.io \"{objectStore}\" not found";
        }

        var now = time.GetUtcNow().UtcDateTime;
        var stamp = now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        if (error is not null)
        {
            store.Mutate(backups, ns, name, o => o["status"] = new JsonObject { ["phase"] = "failed", ["error"] = error, ["method"] = method });
            return;
        }

        var serverName = plugin?["parameters"]?["serverName"]?.GetValue<string>() ?? FakeKubeStore.NameOf(cluster);
        var destination = store_?["spec"]?["configuration"]?["destinationPath"]?.GetValue<string>() ?? "s3://in-tree";
        var backupId = now.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture) + "-" + name;
        var archive = $"{destination.TrimEnd('/')}/{serverName}";
        if (!Archives.TryGetValue(archive, out var ids))
        {
            Archives[archive] = ids = [];
        }

        ids.Add(backupId);
        store.Mutate(backups, ns, name, o => o["status"] = new JsonObject
        {
            ["phase"] = "completed",
            ["method"] = method,
            ["backupId"] = backupId,
            ["backupName"] = "backup-" + backupId,
            ["startedAt"] = stamp,
            ["stoppedAt"] = stamp,
            ["online"] = true,
        });
    }
}
