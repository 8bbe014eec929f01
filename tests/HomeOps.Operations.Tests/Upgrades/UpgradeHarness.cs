using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using HomeOps.Core.Diagnostics;
using HomeOps.Fakes.Kubernetes;
using HomeOps.Operations.Nodes;
using HomeOps.Operations.Tests.Bootstrap;
using HomeOps.Operations.Upgrades;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Operations.Tests.Upgrades;

/// <summary>
/// A bootstrapped fake cluster (three control planes, Flux Ready) whose nodes booted the factory images of
/// cluster.yaml's schematic, at Talos v1.10.5 and the given kubelet version, and an upgrade run context over it:
/// gates poll every 20 ms and give up after <see cref="GateTimeout"/>. The drain/primary seam is <see cref="Steps"/>.
/// </summary>
internal sealed class UpgradeHarness : IAsyncDisposable
{
    private UpgradeHarness(BootstrapHarness bootstrap, NodeOperationContext nodes, IKubeApi api)
    {
        Bootstrap = bootstrap;
        Nodes = nodes;
        Api = api;
    }

    public BootstrapHarness Bootstrap { get; }

    public Fakes.FakeCluster Cluster => Bootstrap.Cluster;

    public FakeKubeStore Store => Cluster.Api.Store;

    public NodeOperationContext Nodes { get; }

    public IKubeApi Api { get; }

    /// <summary>A node whose drain the next run is killed right after (once), as a process killed mid-step.</summary>
    public string? KillAfterDrain { get; set; }

    /// <summary>The real node steps (NodeDrain, CnpgSwitchover) against the fake API server.</summary>
    public ClusterNodeSteps ClusterSteps() =>
        new(new NodeStepContext(Api, TimeProvider.System, Nodes.Location, Log.Enqueue) { PollDelay = TimeSpan.FromMilliseconds(20), MaxPollDelay = TimeSpan.FromMilliseconds(100) },
            GateTimeout, GateTimeout);

    /// <summary>
    /// CloudNativePG's Cluster CRD as the repository pins it, the fake operator, and a Cluster of <paramref name="instances"/>
    /// with the tree's pod anti-affinity (infrastructure/postgresql-cluster: required, one instance per node).
    /// </summary>
    public async Task<Fakes.Controllers.CnpgController> InstallCnpgAsync(string name, int instances)
    {
        var cnpg = new Fakes.Controllers.CnpgController(TimeProvider.System);
        Store.AddController(cnpg);
        Store.Create(FakeResourceType.Crd, null, Recovery.RecoveryHarness.ReadCrd("cnpg/postgresql.cnpg.io_clusters.yaml"));
        await Recovery.RecoveryHarness.WaitUntilAsync(() => Store.TypeOf("postgresql.cnpg.io/v1", "Cluster") is { } t && Store.IsEstablished(t), "the Cluster CRD served");
        Store.Create(Store.Type("", "v1", "namespaces")!, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = "postgresql-system" } });
        Store.Create(Store.TypeOf("postgresql.cnpg.io/v1", "Cluster")!, "postgresql-system", new JsonObject
        {
            ["apiVersion"] = "postgresql.cnpg.io/v1",
            ["kind"] = "Cluster",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "postgresql-system" },
            ["spec"] = new JsonObject { ["instances"] = instances, ["storage"] = new JsonObject { ["size"] = "1Gi" }, ["affinity"] = TreeClusterSpec()["affinity"]!.DeepClone() },
        });
        await Recovery.RecoveryHarness.WaitUntilAsync(() => PrimaryNode(name) is not null, "the Cluster's primary running");
        return cnpg;
    }

    /// <summary>The node the Cluster's current primary pod runs on.</summary>
    public string? PrimaryNode(string cluster)
    {
        var primary = Store.Get(Store.TypeOf("postgresql.cnpg.io/v1", "Cluster")!, "postgresql-system", cluster)?["status"]?["currentPrimary"]?.GetValue<string>();
        return primary is null ? null : Store.Get(Store.Type("", "v1", "pods")!, "postgresql-system", primary)?["spec"]?["nodeName"]?.GetValue<string>();
    }

    /// <summary>The nodes the Cluster's Ready instance pods run on.</summary>
    public List<string> InstanceNodes(string cluster) =>
        [.. Store.List(Store.Type("", "v1", "pods")!, "postgresql-system").Items
            .Where(p => p["metadata"]?["labels"]?["cnpg.io/cluster"]?.GetValue<string>() == cluster && FakeKubeStore.IsReady(p))
            .Select(p => p["spec"]!["nodeName"]!.GetValue<string>())];

    public ConcurrentQueue<string> Log { get; } = new();

    public TimeSpan GateTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public static async Task<UpgradeHarness> StartAsync(string kubelet = "v1.31.1")
    {
        var bootstrap = await BootstrapHarness.StartAsync();
        (await bootstrap.RunAsync()).ShouldBeEmpty();
        var log = new ConcurrentQueue<string>();
        var (nodes, problems) = NodeOperationContext.Load(bootstrap.Workspace, bootstrap.Cluster.Runner, log.Enqueue);
        problems.ShouldBeEmpty();
        foreach (var node in bootstrap.Cluster.Talos.Nodes)
        {
            // Installed from cluster.yaml's factory image (the schematic the operator posted to the factory).
            var wanted = TalosNodeImage.Wanted(nodes!.Cluster, nodes.Cluster.Nodes.Single(n => n.Name == node.Name)).Id;
            bootstrap.Cluster.Talos.FactorySchematics.Add(wanted);
            node.Schematic = wanted;
            node.KubeletVersion = kubelet;
        }

        bootstrap.Cluster.Nodes.RefreshNodeInfo(bootstrap.Cluster.Api.Store);
        var api = new KubeClientFactory(TimeProvider.System, bootstrap.Cluster.Rewrite, 3, TimeSpan.FromMilliseconds(10)).Create(bootstrap.Paths.Kubeconfig);
        var harness = new UpgradeHarness(bootstrap, nodes!, api);
        while (log.TryDequeue(out var line))
        {
            harness.Log.Enqueue(line);
        }

        return harness;
    }

    /// <summary>The spec of the tree's PostgreSQL Cluster (infrastructure/postgresql-cluster/postgresql-cluster.yaml).</summary>
    public static JsonObject TreeClusterSpec()
    {
        var path = Testing.RepositoryPaths.Combine("infrastructure", "postgresql-cluster", "postgresql-cluster.yaml");
        var cluster = (JsonObject)Core.Yaml.YamlJson.ToJson(Core.Yaml.YamlReader.ReadSingle(File.ReadAllText(path), path, new DiagnosticBag())!)!;
        return (JsonObject)cluster["spec"]!;
    }

    /// <summary>The real node steps, each call recorded beside the talosctl calls ("drain mini01").</summary>
    public UpgradeRunContext Context() =>
        new(Nodes with { Log = Log.Enqueue }, Api, new RecordedNodeSteps(ClusterSteps(), Cluster.Runner.Calls, this), TimeProvider.System) { Timeouts = UpgradeTimeouts.All(GateTimeout), PollInterval = TimeSpan.FromMilliseconds(20) };

    public Task<IReadOnlyList<Diagnostic>> TalosAsync(string? talos = "v1.10.9", bool dryRun = false) =>
        UpgradeRunService.RunTalosAsync(Context(), new UpgradeRunRequest(talos, null, dryRun), TestContext.Current.CancellationToken);

    public Task<IReadOnlyList<Diagnostic>> KubernetesAsync(string? talos, string? kubernetes = null, bool dryRun = false) =>
        UpgradeRunService.RunKubernetesAsync(Context(), new UpgradeRunRequest(talos, kubernetes, dryRun), TestContext.Current.CancellationToken);

    /// <summary>The talosctl calls and seam steps after <paramref name="skip"/>, as "verb node-or-address".</summary>
    public List<string> Actions(int skip) =>
        [.. Cluster.Runner.Calls.Skip(skip).Select(c => c.Split(' ')).Where(p => p[0] != "talosctl" || p[1] is "upgrade" or "upgrade-k8s").Select(p => p[0] == "talosctl" ? $"{p[1]} {p[3]}" : $"{p[0]} {p[1]}")];

    /// <summary>Installs Longhorn's volume, node and replica CRDs as the repository pins them, and the fake longhorn-manager.</summary>
    public async Task<Fakes.Controllers.LonghornController> InstallLonghornAsync()
    {
        var longhorn = new Fakes.Controllers.LonghornController(TimeProvider.System);
        Store.AddController(longhorn);
        string[] files = ["longhorn/longhorn.io_volumes.yaml", "longhorn/longhorn.io_nodes.yaml", "longhorn/longhorn.io_replicas.yaml"];
        foreach (var file in files)
        {
            Store.Create(FakeResourceType.Crd, null, Recovery.RecoveryHarness.ReadCrd(file));
        }

        await Recovery.RecoveryHarness.WaitUntilAsync(() => Store.AreEstablished(files.Select(f => FakeKubeStore.NameOf(Recovery.RecoveryHarness.ReadCrd(f))).ToList()), "Longhorn CRDs Established");
        if (Store.Get(Store.Type("", "v1", "namespaces")!, null, "longhorn-system") is null)
        {
            Store.Create(Store.Type("", "v1", "namespaces")!, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = "longhorn-system" } });
        }

        return longhorn;
    }

    public string? Robustness(string volume) =>
        Store.Get(Store.TypeOf("longhorn.io/v1beta2", "Volume")!, "longhorn-system", volume)?["status"]?["robustness"]?.GetValue<string>();

    /// <summary>A Longhorn volume with the given robustness and one running replica on each of <paramref name="replicaNodes"/>.</summary>
    public void AddVolume(string name, string robustness, params string[] replicaNodes)
    {
        Store.Create(Store.TypeOf("longhorn.io/v1beta2", "Volume")!, "longhorn-system", new JsonObject
        {
            ["apiVersion"] = "longhorn.io/v1beta2",
            ["kind"] = "Volume",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "longhorn-system" },
            ["spec"] = new JsonObject { ["numberOfReplicas"] = replicaNodes.Length },
        });
        // Status is longhorn-manager's to write (a status subresource: a create drops it).
        Store.Mutate(Store.TypeOf("longhorn.io/v1beta2", "Volume")!, "longhorn-system", name,
            v => v["status"] = new JsonObject { ["state"] = "attached", ["robustness"] = robustness, ["currentNodeID"] = replicaNodes[0] });
        foreach (var node in replicaNodes)
        {
            Store.Create(Store.TypeOf("longhorn.io/v1beta2", "Replica")!, "longhorn-system", new JsonObject
            {
                ["apiVersion"] = "longhorn.io/v1beta2",
                ["kind"] = "Replica",
                ["metadata"] = new JsonObject { ["name"] = $"{name}-r-{node}", ["namespace"] = "longhorn-system" },
                ["spec"] = new JsonObject { ["volumeName"] = name, ["nodeID"] = node, ["healthyAt"] = "2026-12-07T10:00:00Z", ["failedAt"] = "" },
            });
            Store.Mutate(Store.TypeOf("longhorn.io/v1beta2", "Replica")!, "longhorn-system", $"{name}-r-{node}", r => r["status"] = new JsonObject { ["currentState"] = "running" });
        }
    }

    public JsonObject Node(string name) => Store.Get(Store.Type("", "v1", "nodes")!, null, name)!;

    public ValueTask DisposeAsync() => Bootstrap.DisposeAsync();
}

/// <summary>
/// The real node steps, each call recorded beside the talosctl calls ("primary mini01", "drain mini01", "uncordon
/// mini01") before it runs; a drain of <see cref="UpgradeHarness.KillAfterDrain"/> is followed by a simulated kill.
/// </summary>
internal sealed class RecordedNodeSteps(IUpgradeNodeSteps real, ConcurrentQueue<string> calls, UpgradeHarness harness) : IUpgradeNodeSteps
{
    public Task<IReadOnlyList<Diagnostic>> MovePrimaryAwayAsync(string node, CancellationToken cancellationToken)
    {
        calls.Enqueue($"primary {node}");
        return real.MovePrimaryAwayAsync(node, cancellationToken);
    }

    public async Task<IReadOnlyList<Diagnostic>> DrainAsync(string node, CancellationToken cancellationToken)
    {
        calls.Enqueue($"drain {node}");
        var problems = await real.DrainAsync(node, cancellationToken);
        if (harness.KillAfterDrain == node)
        {
            harness.KillAfterDrain = null;
            throw new SimulatedKillException($"drain of {node}");
        }

        return problems;
    }

    public Task<IReadOnlyList<Diagnostic>> UncordonAsync(string node, CancellationToken cancellationToken)
    {
        calls.Enqueue($"uncordon {node}");
        return real.UncordonAsync(node, cancellationToken);
    }
}
