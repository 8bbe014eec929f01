using System.Text.Json.Nodes;
using HomeOps.Fakes.Kubernetes;

namespace HomeOps.Fakes.Controllers;

/// <summary>
/// A new CloudNativePG Cluster with the Barman Cloud plugin as its WAL archiver. Its archive is
/// &lt;destinationPath&gt;/&lt;serverName&gt; of the ObjectStore its plugin names (serverName: the plugin parameter, else the
/// Cluster's name; plugin-barman-cloud v0.5.0 internal/cnpgi/operator/config/config.go). bootstrap.recovery reads the
/// externalClusters entry it names (its plugin's barmanObjectName and serverName, else the new Cluster's name); with
/// no base backup there the Cluster never gets Ready ("no target backup found", inferred). An archive that already
/// holds data makes the plugin's archive check fail, so the Cluster never gets Ready: "Expected empty archive"
/// (barman-cloud-check-wal-archive). Otherwise it is Ready, phase "Cluster in healthy state", and its archive exists.
/// A Ready Cluster gets its instances (CnpgController.Instances.cs). Does not model: PVCs, timing, point-in-time
/// targets, replica clusters.
/// </summary>
public sealed partial class CnpgController
{
    /// <summary>Recoveries done: (from archive, into archive).</summary>
    public List<(string From, string Into)> Recovered { get; } = [];

    private void ReconcileCluster(FakeKubeStore store, FakeResourceType type, JsonObject cluster)
    {
        var ns = FakeKubeStore.NamespaceOf(cluster);
        var name = FakeKubeStore.NameOf(cluster);
        var plugin = (cluster["spec"]?["plugins"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault();
        var own = Archive(store, ns, plugin?["parameters"], name);
        string? problem = null;
        string? from = null;
        if (cluster["spec"]?["bootstrap"]?["recovery"]?["source"]?.GetValue<string>() is { } source)
        {
            var external = (cluster["spec"]?["externalClusters"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(e => e["name"]?.GetValue<string>() == source);
            from = Archive(store, ns, external?["plugin"]?["parameters"], name);
            if (from is null || !Archives.TryGetValue(from, out var ids) || ids.Count == 0)
            {
                problem = $"no target backup found in {from ?? "an unknown object store"}";
            }
        }

        if (problem is null && own is not null && Archives.ContainsKey(own))
        {
            problem = $"WAL archive check failed for server {own[(own.LastIndexOf('/') + 1)..]}: Expected empty archive";
        }

        if (problem is null && own is not null)
        {
            Archives[own] = [];
            if (from is not null)
            {
                Recovered.Add((from, own));
            }
        }

        var now = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var instances = problem is null ? CreateInstances(store, cluster) : null;
        if (instances is not null)
        {
            ReconcileBudgets(store, cluster);
        }

        store.Mutate(type, ns, name, o => o["status"] = WithoutNulls(new JsonObject
        {
            ["instances"] = instances?.Names.Count,
            ["readyInstances"] = instances?.Ready,
            ["instanceNames"] = instances is null ? null : new JsonArray([.. instances.Names.Select(n => (JsonNode)n)]),
            ["currentPrimary"] = instances?.Names[0],
            ["targetPrimary"] = instances?.Names[0],
            ["phase"] = problem is null ? "Cluster in healthy state" : "Setting up primary",
            ["phaseReason"] = problem,
            ["conditions"] = new JsonArray(new JsonObject
            {
                ["type"] = "Ready",
                ["status"] = problem is null ? "True" : "False",
                ["reason"] = problem is null ? "ClusterIsReady" : "ClusterIsNotReady",
                ["message"] = problem ?? "Cluster is Ready",
                ["lastTransitionTime"] = now,
            }),
        }));
    }

    /// <summary>"destinationPath/serverName" for plugin parameters (barmanObjectName, serverName), or null without an ObjectStore.</summary>
    private static string? Archive(FakeKubeStore store, string ns, JsonNode? parameters, string clusterName)
    {
        var objectStore = parameters?["barmanObjectName"]?.GetValue<string>();
        var type = store.TypeOf("barmancloud.cnpg.io/v1", "ObjectStore");
        var destination = objectStore is null || type is null ? null : store.Get(type, ns, objectStore)?["spec"]?["configuration"]?["destinationPath"]?.GetValue<string>();
        return destination is null ? null : $"{destination.TrimEnd('/')}/{parameters?["serverName"]?.GetValue<string>() ?? clusterName}";
    }
}
