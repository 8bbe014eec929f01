using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HomeOps.Operations.Bootstrap.Tree;
using HomeOps.Operations.Recovery.Backup;

namespace HomeOps.Operations.Recovery.Rebuild;

/// <summary>
/// The recovery of one CloudNativePG Cluster in a rebuild, generated from the tree's Cluster and the backup manifest:
/// bootstrap.recovery from an externalClusters entry whose Barman Cloud plugin reads the backup's ObjectStore and
/// serverName, and a new serverName for the plugin that archives (<see cref="NewServerName"/>, never the old one: the
/// plugin refuses an archive that holds data, "Expected empty archive"). It reaches the cluster as a JSON 6902 patch
/// in the spec.patches of the Kustomization that applies the Cluster, so Flux creates the Cluster recovering, and
/// git is not edited (a patch also replaces the tree's bootstrap.initdb, which would create an empty database).
/// </summary>
public sealed record DatabaseRecovery(BackupManifest.DatabaseBackup Backup, string NewServerName, int PluginIndex)
{
    /// <summary>The externalClusters entry the recovery reads from: named after the serverName it reads.</summary>
    public string Source => Backup.ServerName;

    /// <summary>Null with the reason when the tree's Cluster cannot be recovered this way.</summary>
    public static (DatabaseRecovery? Recovery, string? Problem) Generate(BackupManifest.DatabaseBackup backup, JsonObject? treeCluster)
    {
        if (treeCluster is null)
        {
            return (null, "the tree has no such Cluster");
        }

        if (backup.Method != "plugin" || backup.ObjectStore is null)
        {
            return (null, $"the backup was taken with method '{backup.Method}', not the {RecoveryResources.BarmanPlugin} plugin");
        }

        var plugins = treeCluster["spec"]?["plugins"] as JsonArray ?? [];
        var index = plugins.Select((p, i) => (p, i)).FirstOrDefault(x => x.p?["name"]?.GetValue<string>() == RecoveryResources.BarmanPlugin, (null, -1)).Item2;
        return index < 0
            ? (null, $"its spec.plugins has no {RecoveryResources.BarmanPlugin} entry to archive with")
            : (new DatabaseRecovery(backup, NextServerName(backup.ServerName), index), null);
    }

    /// <summary>"postgresql-cluster" → "postgresql-cluster-2", "postgresql-cluster-2" → "postgresql-cluster-3": always another name.</summary>
    public static string NextServerName(string serverName)
    {
        var match = Regex.Match(serverName, @"^(?<stem>.+)-(?<n>[0-9]{1,6})$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return match.Success
            ? $"{match.Groups["stem"].Value}-{(int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture)}"
            : serverName + "-2";
    }

    /// <summary>The JSON 6902 operations: "add" replaces a member that exists and creates one that does not.</summary>
    public JsonArray Operations() =>
    [
        new JsonObject
        {
            ["op"] = "add",
            ["path"] = "/spec/bootstrap",
            ["value"] = new JsonObject { ["recovery"] = new JsonObject { ["source"] = Source } },
        },
        new JsonObject
        {
            ["op"] = "add",
            ["path"] = "/spec/externalClusters",
            ["value"] = new JsonArray(new JsonObject
            {
                ["name"] = Source,
                ["plugin"] = new JsonObject
                {
                    ["name"] = RecoveryResources.BarmanPlugin,
                    ["parameters"] = new JsonObject { ["barmanObjectName"] = Backup.ObjectStore, ["serverName"] = Backup.ServerName },
                },
            }),
        },
        new JsonObject
        {
            ["op"] = "add",
            ["path"] = $"/spec/plugins/{PluginIndex.ToString(CultureInfo.InvariantCulture)}/parameters/serverName",
            ["value"] = NewServerName,
        },
    ];

    /// <summary>The entry of the Kustomization's spec.patches (Flux: patch text and target selector).</summary>
    public JsonObject KustomizationPatch() => new()
    {
        ["patch"] = Operations().ToJsonString(),
        ["target"] = new JsonObject
        {
            ["group"] = "postgresql.cnpg.io",
            ["version"] = "v1",
            ["kind"] = "Cluster",
            ["name"] = Backup.Cluster,
            ["namespace"] = Backup.Namespace,
        },
    };

    public static JsonObject? TreeCluster(BootstrapTree tree, BackupManifest.DatabaseBackup backup) =>
        tree.Find("postgresql.cnpg.io", "Cluster", backup.Cluster, backup.Namespace) is { } found ? BootstrapTree.ToJson(found) : null;
}
