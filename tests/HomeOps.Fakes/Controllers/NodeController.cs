using System.Text.Json.Nodes;
using HomeOps.Fakes.Kubernetes;

namespace HomeOps.Fakes.Controllers;

/// <summary>
/// Kubelets and the CNI: <see cref="Register"/> adds Nodes as a kubelet does before any CNI runs (Ready=False,
/// NetworkPluginNotReady, the not-ready taint); once a DaemonSet kube-system/cilium exists every node turns Ready.
/// </summary>
public sealed class NodeController(TimeProvider time) : IFakeController
{
    private const string NoCni = "container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized";

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
            store.Mutate(nodes, null, name, n => n["status"] = Status(CniRunning(store)));
        }
    }

    public void OnChanged(FakeKubeStore store, FakeWatchEvent change)
    {
        if (change.Type.Kind == "DaemonSet" && FakeKubeStore.NameOf(change.Object) == "cilium" && change.EventType == "ADDED")
        {
            var nodes = store.Type("", "v1", "nodes")!;
            foreach (var node in store.List(nodes, null).Items)
            {
                store.Mutate(nodes, null, FakeKubeStore.NameOf(node), n =>
                {
                    n["status"] = Status(ready: true);
                    (n["spec"] as JsonObject)?.Remove("taints");
                });
            }
        }
    }

    private static bool CniRunning(FakeKubeStore store) =>
        store.Get(store.Type("apps", "v1", "daemonsets")!, "kube-system", "cilium") is not null;

    private JsonObject Status(bool ready)
    {
        var now = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["conditions"] = new JsonArray(new JsonObject
            {
                ["type"] = "Ready",
                ["status"] = ready ? "True" : "False",
                ["reason"] = ready ? "KubeletReady" : "KubeletNotReady",
                ["message"] = ready ? "kubelet is posting ready status" : NoCni,
                ["lastHeartbeatTime"] = now,
                ["lastTransitionTime"] = now,
            }),
        };
    }
}
