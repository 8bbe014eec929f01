using System.Globalization;
using System.Text.Json.Nodes;
using HomeOps.Core.Status;
using HomeOps.Operations.Status;
using HomeOps.Runtime.Kubernetes;
using static HomeOps.Core.Status.ObjectFields;

namespace HomeOps.Operations.Doctor;

/// <summary>A place a probe connects to, and how it was found (for the output).</summary>
public sealed record ServiceEndpoint(string Host, int Port, string How)
{
    public override string ToString() => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}

/// <summary>
/// How a probe on a workstation reaches a service in the cluster, in this order: an --endpoint NAME=HOST:PORT the
/// operator gave (a port-forward, a test server); the Service's LoadBalancer address (status.loadBalancer.ingress,
/// announced by Cilium over BGP: what the LAN reaches); the node address of a host-network pod behind the Service
/// (the Matter Server runs on the host network). A ClusterIP-only Service has no address outside the cluster: the
/// probe is skipped and says how to forward it. All from the Services and Pods lists status reads anyway.
/// </summary>
public sealed class ServiceEndpoints(IReadOnlyDictionary<string, ServiceEndpoint> overrides)
{
    public static readonly ServiceEndpoints None = new(new Dictionary<string, ServiceEndpoint>());

    public IReadOnlyDictionary<string, ServiceEndpoint> Overrides => overrides;

    /// <summary>Parses "NAME=HOST:PORT" ("[::1]:5432" for IPv6); null when it is not that shape.</summary>
    public static (string Name, ServiceEndpoint Endpoint)? ParseOverride(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var colon = text.LastIndexOf(':');
        if (equals <= 0 || colon <= equals + 1 || !int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return null;
        }

        var host = text[(equals + 1)..colon].Trim('[', ']');
        return (text[..equals], new ServiceEndpoint(host, port, "--endpoint"));
    }

    /// <summary>The endpoint of <paramref name="name"/>, or why there is none (a finding: unknown or skipped).</summary>
    public async Task<(ServiceEndpoint? Endpoint, StatusFinding? Why)> ResolveAsync(
        string name, ClusterSnapshot cluster, string ns, string service, string? portName, int defaultPort, CancellationToken cancellationToken)
    {
        if (overrides.TryGetValue(name, out var given))
        {
            return (given, null);
        }

        var services = await cluster.ReadAsync(KubeResource.Services, cancellationToken).ConfigureAwait(false);
        if (services.Problem is { } problem)
        {
            return (null, problem);
        }

        var svc = services.Items.FirstOrDefault(s => NameOf(s) == service && NamespaceOf(s) == ns);
        if (svc is null)
        {
            return (null, StatusFindings.From(Core.Diagnostics.DiagnosticCatalog.ServiceNotReachableFromHere, Health.Absent,
                $"Service {ns}/{service}", "it does not exist", ns, service, defaultPort, name));
        }

        var port = Objects(svc, "spec", "ports").FirstOrDefault(p => portName is null || Str(p, "name") == portName) is { } p0 ? (int)(Number(p0, "port") ?? defaultPort) : defaultPort;
        if (Objects(svc, "status", "loadBalancer", "ingress").FirstOrDefault() is { } ingress && (Str(ingress, "ip") ?? Str(ingress, "hostname")) is { Length: > 0 } address)
        {
            return (new ServiceEndpoint(address, port, $"LoadBalancer address of {ns}/{service}"), null);
        }

        if (await HostNetworkPodAsync(cluster, svc, cancellationToken).ConfigureAwait(false) is { } hostIp)
        {
            var target = Objects(svc, "spec", "ports").FirstOrDefault(p1 => (int?)Number(p1, "port") == port) is { } tp && Number(tp, "targetPort") is { } t ? (int)t : port;
            return (new ServiceEndpoint(hostIp, target, $"host-network pod of {ns}/{service}"), null);
        }

        return (null, StatusFindings.From(Core.Diagnostics.DiagnosticCatalog.ServiceNotReachableFromHere, Health.Unknown,
            $"Service {ns}/{service}", $"it is {Str(svc, "spec", "type") ?? "ClusterIP"} without a LoadBalancer address or a host-network pod", ns, service, port, name));
    }

    private static async Task<string?> HostNetworkPodAsync(ClusterSnapshot cluster, JsonObject service, CancellationToken cancellationToken)
    {
        if (At(service, "spec", "selector") is not JsonObject selector || selector.Count == 0)
        {
            return null;
        }

        var pods = await cluster.ReadAsync(KubeResource.Pods, cancellationToken).ConfigureAwait(false);
        return pods.Items
            .Where(p => NamespaceOf(p) == NamespaceOf(service) && Bool(p, "spec", "hostNetwork") == true && Str(p, "status", "phase") == "Running")
            .Where(p => selector.All(kv => Str(p, "metadata", "labels", kv.Key) == kv.Value?.ToString()))
            .Select(p => Str(p, "status", "hostIP")).FirstOrDefault(ip => ip is { Length: > 0 });
    }
}
