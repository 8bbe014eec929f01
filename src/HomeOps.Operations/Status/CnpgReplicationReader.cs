using System.Text.Json.Nodes;
using HomeOps.Core.Status;
using HomeOps.Runtime.Kubernetes;
using static HomeOps.Core.Status.ObjectFields;

namespace HomeOps.Operations.Status;

/// <summary>
/// CloudNativePG replication, which is not in the Cluster's status: for each Cluster with more than one instance, one
/// GET of its primary's /pg/status through the API server's pod proxy, as `kubectl cnpg status` asks it
/// (cloudnative-pg v1.27.1 internal/plugin/resources/instance.go:103-120; HTTPS when the postgres container runs with
/// --status-port-tls, pkg/management/postgres/webserver/client/remote/instance.go:363-377). One request per database
/// cluster, never per object; the pods come from the list the Kubernetes section reads anyway.
/// </summary>
public static class CnpgReplicationReader
{
    /// <summary>The instance manager's status port (pkg/management/url/url.go:77).</summary>
    public const int StatusPort = 8000;

    /// <summary>Each replicated Cluster's reading, by <see cref="CnpgStatus.Key"/>.</summary>
    public static async Task<IReadOnlyDictionary<string, ReplicationReading>> ReadAsync(ClusterSnapshot cluster, IReadOnlyList<JsonObject> clusters, IReadOnlyList<JsonObject> pods, CancellationToken cancellationToken)
    {
        var replicated = clusters.Where(c => (Number(c, "spec", "instances") ?? 1) > 1).ToList();
        var readings = await Task.WhenAll(replicated.Select(c => ReadReplicationAsync(cluster, c, pods, cancellationToken))).ConfigureAwait(false);
        return replicated.Zip(readings).ToDictionary(p => CnpgStatus.Key(p.First), p => p.Second, StringComparer.Ordinal);
    }

    private static async Task<ReplicationReading> ReadReplicationAsync(ClusterSnapshot cluster, JsonObject database, IReadOnlyList<JsonObject> pods, CancellationToken cancellationToken)
    {
        var ns = NamespaceOf(database) ?? "default";
        if (Str(database, "status", "currentPrimary") is not { Length: > 0 } primary)
        {
            return ReplicationReading.Failed($"cluster {ns}/{NameOf(database)}", "no primary is reported");
        }

        var source = $"pod {ns}/{primary}:{StatusPort}";
        var pod = pods.FirstOrDefault(p => NameOf(p) == primary && NamespaceOf(p) == ns);
        if (pod is null)
        {
            return ReplicationReading.Failed(source, "the primary's pod does not exist");
        }

        try
        {
            var (status, body) = await cluster.ProxyGetAsync(ProxyTarget.Pod(ns, primary, StatusPort, StatusPortTls(pod)), "pg/status", cancellationToken).ConfigureAwait(false);
            return status == 200
                ? CnpgReplication.Parse(source, body)
                : ReplicationReading.Failed(source, $"GET /pg/status through the API server's pod proxy answered HTTP {status}: {ProxyAnswer.Shorten(body)}");
        }
        catch (KubeApiException e)
        {
            return ReplicationReading.Failed(source, e.ServerMessage);
        }
    }

    /// <summary>Whether the instance manager serves its status port over TLS: the postgres container's command says so.</summary>
    private static bool StatusPortTls(JsonObject pod) =>
        Objects(pod, "spec", "containers").FirstOrDefault(c => Str(c, "name") == "postgres") is { } postgres
        && Strings(postgres, "command").Contains("--status-port-tls");
}
