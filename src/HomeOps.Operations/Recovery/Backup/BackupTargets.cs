using System.Text.Json.Nodes;
using HomeOps.Operations.Bootstrap.Tree;

namespace HomeOps.Operations.Recovery.Backup;

/// <summary>A CloudNativePG cluster of the tree and how its base backups reach an object store.</summary>
/// <param name="Method">The Backup method that works for it: "plugin" (Barman Cloud plugin), "barmanObjectStore" (in-tree), or null (none).</param>
/// <param name="ObjectStore">The plugin's barmanObjectName (the ObjectStore in the same namespace), when the plugin is used.</param>
/// <param name="ServerName">The folder under the object store's destinationPath that holds this cluster's base backups and WAL:
/// the plugin's serverName parameter, else the cluster's name (plugin-barman-cloud v0.5.0 internal/cnpgi/operator/config/config.go).</param>
public sealed record DatabaseCluster(string Namespace, string Name, string? Method, string? ObjectStore, string ServerName)
{
    public string Id => $"{Namespace}/{Name}";

    public override string ToString() => Id;
}

/// <summary>What the tree says there is to back up besides etcd: its CloudNativePG clusters and Longhorn's namespace.</summary>
public sealed record BackupTargets(IReadOnlyList<DatabaseCluster> Databases, string? LonghornNamespace)
{
    public static BackupTargets From(BootstrapTree tree) => new(
        [.. tree.OfKind("postgresql.cnpg.io", "Cluster").Select(c => Database(BootstrapTree.ToJson(c), c.Namespace ?? "default")).OrderBy(d => d.Id, StringComparer.Ordinal)],
        tree.OfKind("helm.toolkit.fluxcd.io", "HelmRelease")
            .Select(BootstrapTree.ToJson)
            .Where(r => r["spec"]?["chart"]?["spec"]?["chart"]?.GetValue<string>() == "longhorn")
            .Select(r => r["spec"]?["targetNamespace"]?.GetValue<string>() ?? r["metadata"]?["namespace"]?.GetValue<string>())
            .FirstOrDefault());

    public static DatabaseCluster Database(JsonObject cluster, string ns)
    {
        var name = cluster["metadata"]!["name"]!.GetValue<string>();
        var plugin = (cluster["spec"]?["plugins"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(p => p["name"]?.GetValue<string>() == RecoveryResources.BarmanPlugin && p["enabled"]?.GetValue<bool>() != false);
        if (plugin is not null)
        {
            return new DatabaseCluster(ns, name, "plugin", plugin["parameters"]?["barmanObjectName"]?.GetValue<string>(),
                plugin["parameters"]?["serverName"]?.GetValue<string>() ?? name);
        }

        var inTree = cluster["spec"]?["backup"]?["barmanObjectStore"];
        return inTree is null
            ? new DatabaseCluster(ns, name, null, null, name)
            : new DatabaseCluster(ns, name, "barmanObjectStore", null, inTree["serverName"]?.GetValue<string>() ?? name);
    }
}
