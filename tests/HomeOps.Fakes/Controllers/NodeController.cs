using System.Text.Json.Nodes;
using HomeOps.Fakes.Kubernetes;

namespace HomeOps.Fakes.Controllers;

/// <summary>
/// Kubelets and the CNI: <see cref="Register"/> adds Nodes as a kubelet does before any CNI runs (Ready=False,
/// NetworkPluginNotReady, the not-ready taint). Every node turns Ready only once Cilium's agents run with settings
/// that work (<see cref="CiliumAgent"/>, reading the DaemonSet and cilium-config ConfigMap the chart rendered);
/// until then the agent DaemonSet reports no ready pods and a Warning Event says why, as the DaemonSet controller
/// or a crash-looping agent would.
/// </summary>
public sealed partial class NodeController(TimeProvider time) : IFakeController
{
    private const string NoCni = "container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized";

    /// <summary>host:port addresses the agents can reach the API server at (KubePrism, the VIP, the nodes' own).</summary>
    public HashSet<string> ApiEndpoints { get; } = new(StringComparer.Ordinal) { "localhost:7445", "127.0.0.1:7445" };

    /// <summary>Whether something routes ClusterIP Services: Cilium with kube-proxy replacement (Talos runs no kube-proxy).</summary>
    public bool ServicesRouted { get; private set; }

    /// <summary>Why the CNI is not running (null once it runs).</summary>
    public string? CniProblem { get; private set; } = "no CNI is installed";

    public void Register(FakeKubeStore store, IEnumerable<string> names)
    {
        var nodes = store.Type("", "v1", "nodes")!;
        foreach (var name in names.Where(n => store.Get(nodes, null, n) is null))
        {
            store.Create(nodes, null, new JsonObject
            {
                ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = new JsonObject { ["kubernetes.io/hostname"] = name, ["node-role.kubernetes.io/control-plane"] = "" } },
                ["spec"] = new JsonObject { ["taints"] = new JsonArray(new JsonObject { ["key"] = "node.kubernetes.io/not-ready", ["effect"] = "NoSchedule" }) },
            });
        }

        Reconcile(store);
    }

    public void OnChanged(FakeKubeStore store, FakeWatchEvent change)
    {
        // Its own writes (node status, the DaemonSet's status, Events) change nothing it reads, so this settles.
        if (change.Type.Kind is "DaemonSet" or "ConfigMap" or "Namespace")
        {
            Reconcile(store);
        }
    }

    /// <summary>Evaluates the agent and writes the nodes' Ready condition, the DaemonSet's status and an Event on a change.</summary>
    private void Reconcile(FakeKubeStore store)
    {
        var (agent, problem, routed) = CiliumAgent(store);
        ServicesRouted = problem is null && routed;
        CniProblem = problem;
        var nodes = store.Type("", "v1", "nodes")!;
        var all = store.List(nodes, null).Items;
        foreach (var node in all)
        {
            var ready = problem is null;
            if (IsReady(node) == ready && node["status"] is not null)
            {
                continue;
            }

            store.Mutate(nodes, null, FakeKubeStore.NameOf(node), n =>
            {
                n["status"] = Status(FakeKubeStore.NameOf(n), ready);
                if (ready)
                {
                    (n["spec"] as JsonObject)?.Remove("taints");
                }
            });
        }

        if (agent is not null)
        {
            WriteAgentStatus(store, agent, problem, all.Count);
        }
    }

    public static bool IsReady(JsonObject node) =>
        node["status"]?["conditions"] is JsonArray conditions
        && conditions.Any(c => c?["type"]?.GetValue<string>() == "Ready" && c["status"]?.GetValue<string>() == "True");

    /// <summary>What each node's kubelet reports in status.nodeInfo (osImage, kubeletVersion), by node name; null: nothing.</summary>
    public Func<string, JsonObject?>? NodeInfo { get; set; }

    /// <summary>
    /// The node rebooted: its kubelet stopped posting (the node controller sets Ready Unknown, "Kubelet stopped posting
    /// node status."), until <see cref="KubeletBack"/>.
    /// </summary>
    public void Rebooting(FakeKubeStore store, string name) =>
        store.Mutate(store.Type("", "v1", "nodes")!, null, name, n => n["status"] = Status(name, false, ("Unknown", "NodeStatusUnknown", "Kubelet stopped posting node status.")));

    /// <summary>The kubelet posts again, with what the node now runs: Ready when the CNI works.</summary>
    public void KubeletBack(FakeKubeStore store, string name) =>
        store.Mutate(store.Type("", "v1", "nodes")!, null, name, n => n["status"] = Status(name, CniProblem is null));

    /// <summary>Writes every node's nodeInfo again (after upgrade-k8s moved the kubelets), keeping its conditions.</summary>
    public void RefreshNodeInfo(FakeKubeStore store)
    {
        var nodes = store.Type("", "v1", "nodes")!;
        foreach (var node in store.List(nodes, null).Items)
        {
            store.Mutate(nodes, null, FakeKubeStore.NameOf(node), n =>
            {
                if (n["status"] is JsonObject status && NodeInfo?.Invoke(FakeKubeStore.NameOf(n)) is { } info)
                {
                    status["nodeInfo"] = info;
                }
            });
        }
    }

    private JsonObject Status(string name, bool ready, (string Status, string Reason, string Message)? other = null)
    {
        var now = Now();
        var status = new JsonObject
        {
            ["conditions"] = new JsonArray(new JsonObject
            {
                ["type"] = "Ready",
                ["status"] = other?.Status ?? (ready ? "True" : "False"),
                ["reason"] = other?.Reason ?? (ready ? "KubeletReady" : "KubeletNotReady"),
                ["message"] = other?.Message ?? (ready ? "kubelet is posting ready status" : NoCni),
                ["lastHeartbeatTime"] = now,
                ["lastTransitionTime"] = now,
            }),
        };
        if (NodeInfo?.Invoke(name) is { } info)
        {
            status["nodeInfo"] = info;
        }

        return status;
    }

    private string Now() => time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
