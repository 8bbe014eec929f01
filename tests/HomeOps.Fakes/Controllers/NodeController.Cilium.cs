using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using HomeOps.Fakes.Kubernetes;

namespace HomeOps.Fakes.Controllers;

/// <summary>
/// Cilium's agent, from what the chart rendered (cilium 1.17.6: templates/cilium-agent/daemonset.yaml,
/// templates/cilium-configmap.yaml), checked as the cluster checks it:
/// the DaemonSet `cilium` (label k8s-app=cilium) is admitted only in a namespace Pod Security exempts or labels
/// privileged (the agent runs privileged on the host network; Talos enforces baseline and exempts kube-system);
/// the agent reaches the API server at KUBERNETES_SERVICE_HOST/PORT (k8sServiceHost/k8sServicePort), which must be
/// one of <see cref="ApiEndpoints"/> (without them it tries the kubernetes Service, which nothing routes before
/// Cilium: Talos runs no kube-proxy); cilium-config's `ipam` must be a mode that works here (cluster-pool or
/// kubernetes; cloud modes need their cloud's API) and a cluster-pool IPv6 pool at most 16 bits wider than the node
/// blocks (pkg/ipam/cidrset NewCIDRSet, ErrCIDRSetSubNetTooBig). `kube-proxy-replacement` other than "true" leaves
/// Services unrouted (<see cref="ServicesRouted"/>), which pods that call the API through them notice.
/// </summary>
public sealed partial class NodeController
{
    private static readonly HashSet<string> s_ipamModes = new(StringComparer.Ordinal) { "cluster-pool", "kubernetes" };

    private static (JsonObject? Agent, string? Problem, bool Routed) CiliumAgent(FakeKubeStore store, HashSet<string> endpoints)
    {
        var agent = store.List(store.Type("apps", "v1", "daemonsets")!, null).Items
            .FirstOrDefault(d => FakeKubeStore.NameOf(d) == "cilium" && d["spec"]?["template"]?["metadata"]?["labels"]?["k8s-app"]?.GetValue<string>() == "cilium");
        if (agent is null)
        {
            return (null, "no CNI is installed", false);
        }

        var ns = agent["metadata"]?["namespace"]?.GetValue<string>() ?? "default";
        var labels = store.Get(store.Type("", "v1", "namespaces")!, null, ns)?["metadata"]?["labels"];
        if (ns != "kube-system" && labels?["pod-security.kubernetes.io/enforce"]?.GetValue<string>() != "privileged")
        {
            return (agent, $"Error creating: pods \"cilium-\" is forbidden: violates PodSecurity \"baseline:latest\": host namespaces (hostNetwork=true), privileged (container \"cilium-agent\" must not set securityContext.privileged=true) (namespace {ns} is not exempt: Talos exempts only kube-system)", false);
        }

        var container = (agent["spec"]?["template"]?["spec"]?["containers"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(c => c["name"]?.GetValue<string>() == "cilium-agent");
        var env = (container?["env"] as JsonArray)?.OfType<JsonObject>().ToDictionary(e => e["name"]!.GetValue<string>(), e => e["value"]?.ToString(), StringComparer.Ordinal) ?? [];
        if (env.GetValueOrDefault("KUBERNETES_SERVICE_HOST") is not { } host)
        {
            return (agent, "Unable to contact k8s api-server: Get \"https://10.96.0.1:443/api/v1/namespaces/kube-system\": dial tcp 10.96.0.1:443: i/o timeout (no k8sServiceHost: the kubernetes Service needs kube-proxy, which Talos does not run)", false);
        }

        var endpoint = $"{host}:{env.GetValueOrDefault("KUBERNETES_SERVICE_PORT")}";
        if (!endpoints.Contains(endpoint))
        {
            return (agent, $"Unable to contact k8s api-server: Get \"https://{endpoint}/api/v1/namespaces/kube-system\": dial tcp {endpoint}: connect: connection refused", false);
        }

        var config = store.Get(store.Type("", "v1", "configmaps")!, ns, "cilium-config")?["data"];
        if (config is null)
        {
            return (agent, $"configmap \"cilium-config\" not found in {ns}", false);
        }

        var ipam = config["ipam"]?.GetValue<string>() ?? "cluster-pool";
        if (!s_ipamModes.Contains(ipam))
        {
            return (agent, $"ipam mode \"{ipam}\" cannot allocate pod addresses on this cluster (its operator needs a cloud provider's API)", false);
        }

        if (ipam == "cluster-pool" && config["enable-ipv6"]?.GetValue<string>() == "true" && PoolProblem(config["cluster-pool-ipv6-cidr"]?.GetValue<string>(), config["cluster-pool-ipv6-mask-size"]?.GetValue<string>()) is { } pool)
        {
            return (agent, $"Unable to initialize cluster-pool IPv6 allocator: {pool}", false);
        }

        return (agent, null, config["kube-proxy-replacement"]?.GetValue<string>() == "true");
    }

    private (JsonObject? Agent, string? Problem, bool Routed) CiliumAgent(FakeKubeStore store) => CiliumAgent(store, ApiEndpoints);

    /// <summary>An IPv6 pool whose node blocks are more than 16 bits narrower than the pool (Cilium's cidrset refuses it).</summary>
    private static string? PoolProblem(string? cidrs, string? maskSize)
    {
        foreach (var cidr in (cidrs ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!IPNetwork.TryParse(cidr, out var network) || !int.TryParse(maskSize, CultureInfo.InvariantCulture, out var mask))
            {
                return $"invalid CIDR \"{cidr}\" or mask size \"{maskSize}\"";
            }

            if (mask - network.PrefixLength > 16)
            {
                return $"New CIDR set failed; the node CIDR size is too big ({cidr} in /{mask} blocks)";
            }
        }

        return null;
    }

    /// <summary>The DaemonSet's status as its controller reports it, and a Warning Event with the agent's problem.</summary>
    private void WriteAgentStatus(FakeKubeStore store, JsonObject agent, string? problem, int nodes)
    {
        var daemonSets = store.Type("apps", "v1", "daemonsets")!;
        var ns = agent["metadata"]!["namespace"]!.GetValue<string>();
        var ready = problem is null ? nodes : 0;
        if (agent["status"]?["numberReady"]?.GetValue<int>() != ready || agent["status"]?["desiredNumberScheduled"]?.GetValue<int>() != nodes)
        {
            store.Mutate(daemonSets, ns, "cilium", d => d["status"] = new JsonObject
            {
                ["desiredNumberScheduled"] = nodes,
                ["currentNumberScheduled"] = problem is not null && problem.StartsWith("Error creating", StringComparison.Ordinal) ? 0 : nodes,
                ["numberReady"] = ready,
                ["numberAvailable"] = ready,
                ["numberUnavailable"] = nodes - ready,
                ["updatedNumberScheduled"] = nodes,
                ["observedGeneration"] = d["metadata"]?["generation"]?.GetValue<long>() ?? 1,
            });
        }

        if (problem is null)
        {
            return;
        }

        FakeEvents.Warning(store, ns, "DaemonSet", "cilium", problem.StartsWith("Error creating", StringComparison.Ordinal) ? "FailedCreate" : "BackOff", problem, time);
    }
}
