using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Yaml;
using HomeOps.Fakes.Controllers;
using HomeOps.Fakes.Kubernetes;
using HomeOps.Operations.Upgrades;
using HomeOps.Runtime.Kubernetes;
using HomeOps.Testing;

namespace HomeOps.Operations.Tests.Upgrades;

/// <summary>
/// The fake API server with three Ready nodes (mini01-03), the scheduler/kubelet/ReplicaSet stand-in and, on demand,
/// CloudNativePG's Cluster CRD (as schemas/crds pins it) and fake operator; the product talks to it through the real
/// client. Tests create workloads and pods; budgets' status comes from the fake's disruption controller.
/// </summary>
internal sealed class NodeStepHarness : IAsyncDisposable
{
    private readonly string _kubeconfig;
    private readonly IKubeApi _api;

    private NodeStepHarness(FakeKubeApiServer server, string kubeconfig)
    {
        Server = server;
        _kubeconfig = kubeconfig;
        _api = new KubeClientFactory(TimeProvider.System, maxRetries: 2, retryDelay: TimeSpan.FromMilliseconds(10)).Create(kubeconfig);
        Workloads = new WorkloadController(TimeProvider.System);
        Store.AddController(Workloads);
    }

    public FakeKubeApiServer Server { get; }

    public FakeKubeStore Store => Server.Store;

    public WorkloadController Workloads { get; }

    public CnpgController Cnpg { get; } = new(TimeProvider.System);

    public ConcurrentQueue<string> Log { get; } = new();

    public NodeStepContext Context => new(_api, TimeProvider.System, SourceSpan.File("cluster.yaml"), Log.Enqueue)
    {
        PollDelay = TimeSpan.FromMilliseconds(50),
        MaxPollDelay = TimeSpan.FromMilliseconds(200),
    };

    public FakeResourceType Pods => Store.Type("", "v1", "pods")!;

    public FakeResourceType Nodes => Store.Type("", "v1", "nodes")!;

    public static async Task<NodeStepHarness> StartAsync()
    {
        var server = await FakeKubeApiServer.StartAsync();
        var kubeconfig = FakeKubeconfig.Write(Path.Combine(Path.GetTempPath(), $"homeops-kubeconfig-{Guid.NewGuid():N}"), server.Url.ToString());
        var harness = new NodeStepHarness(server, kubeconfig);
        foreach (var node in new[] { "mini01", "mini02", "mini03" })
        {
            harness.Store.Create(harness.Nodes, null, new JsonObject
            {
                ["metadata"] = new JsonObject { ["name"] = node, ["labels"] = new JsonObject { ["kubernetes.io/hostname"] = node } },
                ["status"] = new JsonObject { ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "True", ["reason"] = "KubeletReady" }) },
            });
        }

        harness.Store.Create(harness.Store.Type("", "v1", "namespaces")!, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = "apps" } });
        return harness;
    }

    /// <summary>A ReplicaSet (the scale budgets read) and one pod of it per node named, bound there.</summary>
    public JsonObject AddReplicaSet(string name, string app, params string[] nodes)
    {
        var rs = Store.Create(Store.Type("apps", "v1", "replicasets")!, "apps", new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "apps", ["labels"] = new JsonObject { ["app"] = app } },
            ["spec"] = new JsonObject { ["replicas"] = nodes.Length, ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = app } } },
        });
        for (var i = 0; i < nodes.Length; i++)
        {
            AddPod("apps", $"{name}-{i + 1}", nodes[i], new JsonObject { ["app"] = app }, Owner("ReplicaSet", rs));
        }

        return rs;
    }

    public JsonObject AddPod(string ns, string name, string node, JsonObject? labels = null, JsonObject? owner = null, JsonObject? annotations = null) =>
        Store.Create(Pods, ns, new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = ns,
                ["labels"] = labels ?? new JsonObject(),
                ["annotations"] = annotations ?? new JsonObject(),
                ["ownerReferences"] = owner is null ? new JsonArray() : new JsonArray(owner),
            },
            ["spec"] = new JsonObject { ["nodeName"] = node, ["containers"] = new JsonArray(new JsonObject { ["name"] = "main", ["image"] = "busybox" }) },
        });

    public static JsonObject Owner(string kind, JsonObject controller) => new()
    {
        ["apiVersion"] = controller["apiVersion"]!.DeepClone(),
        ["kind"] = kind,
        ["name"] = controller["metadata"]!["name"]!.DeepClone(),
        ["uid"] = controller["metadata"]!["uid"]!.DeepClone(),
        ["controller"] = true,
    };

    /// <summary>A PodDisruptionBudget as a chart writes it: spec only (the disruption controller writes its status).</summary>
    public void AddBudget(string name, string app, string field, JsonNode value) =>
        Store.Create(Store.Type("policy", "v1", "poddisruptionbudgets")!, "apps", new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "apps" },
            ["spec"] = new JsonObject { [field] = value, ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = app } } },
        });

    public IReadOnlyList<JsonObject> PodsOn(string node) =>
        Store.List(Pods, null).Items.Where(p => p["spec"]?["nodeName"]?.GetValue<string>() == node).ToList();

    public bool IsCordoned(string node) => Store.Get(Nodes, null, node)?["spec"]?["unschedulable"]?.GetValue<bool>() == true;

    /// <summary>CloudNativePG's Cluster CRD from schemas/crds and the fake operator.</summary>
    public async Task InstallCnpgAsync()
    {
        Store.AddController(Cnpg);
        var path = RepositoryPaths.Combine("schemas", "crds", "cnpg", "postgresql.cnpg.io_clusters.yaml");
        var crd = (JsonObject)YamlJson.ToJson(YamlReader.ReadSingle(File.ReadAllText(path), path, new DiagnosticBag())!)!;
        Store.Create(FakeResourceType.Crd, null, crd);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (Store.TypeOf("postgresql.cnpg.io/v1", "Cluster") is not { } type || !Store.IsEstablished(type))
        {
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10), "the Cluster CRD is not served");
            await Task.Delay(20);
        }

        Store.Create(Store.Type("", "v1", "namespaces")!, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = "postgresql-system" } });
    }

    public FakeResourceType CnpgClusters => Store.TypeOf("postgresql.cnpg.io/v1", "Cluster")!;

    public JsonObject AddCnpgCluster(string name, int instances) =>
        Store.Create(CnpgClusters, "postgresql-system", new JsonObject
        {
            ["apiVersion"] = "postgresql.cnpg.io/v1",
            ["kind"] = "Cluster",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "postgresql-system" },
            ["spec"] = new JsonObject { ["instances"] = instances, ["storage"] = new JsonObject { ["size"] = "1Gi" } },
        });

    public async ValueTask DisposeAsync()
    {
        (_api as IDisposable)?.Dispose();
        await Server.DisposeAsync();
        File.Delete(_kubeconfig);
    }
}
