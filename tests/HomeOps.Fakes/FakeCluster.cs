using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using HomeOps.Fakes.Controllers;
using HomeOps.Fakes.Kubernetes;
using HomeOps.Fakes.Programs;

namespace HomeOps.Fakes;

/// <summary>
/// Everything a cluster-facing test needs, wired together: the fake API server with node and Flux controllers,
/// fake talosctl (nodes in maintenance mode), helm (charts with their CRDs and effects) and op (the 1Password
/// items the bootstrap reads), behind one <see cref="FakeCommandRunner"/>. <see cref="Rewrite"/> sends a node's
/// API address to the fake server once etcd runs, and the VIP once etcd runs and <see cref="VipDelay"/> has passed.
/// </summary>
public sealed class FakeCluster : IAsyncDisposable
{
    public const string ConnectToken = "eyJhbGciOiJFUzI1NiIsImtpZCI6ImZha2UifQ.eyJzdWIiOiJmYWtlLWNvbm5lY3QtdG9rZW4tZm9yLXRlc3RzIiwiYXVkIjpbImNvbm5lY3QiXX0.ZmFrZS1zaWduYXR1cmUtZm9yLXRlc3RzLW9ubHk";

    public const string ConnectCredentials = """{"verifier":{"salt":"fake","localHash":"fake"},"encCredentials":{"kid":"fake","enc":"A256GCM","cty":"b5+jwk+json","iv":"fake","data":"fake"},"version":"2","deviceUuid":"fake","uniqueKey":{"alg":"A256GCM","ext":true,"k":"fake","key_ops":["decrypt","encrypt"],"kty":"oct","kid":"fake"}}""";

    private static readonly Lazy<Uri> s_refused = new(() =>
    {
        // A port nothing listens on: connection refused, as from an address no API server answers on yet.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}");
    });

    private readonly string _vip;
    private readonly HashSet<string> _nodeAddresses;
    private readonly TimeProvider _time;
    private DateTimeOffset? _etcdSince;

    private FakeCluster(FakeKubeApiServer api, IReadOnlyList<FakeTalosNode> nodes, string vip, TimeProvider time)
    {
        Api = api;
        _vip = vip;
        _time = time;
        _nodeAddresses = [.. nodes.Select(n => n.Address)];
        Nodes = new NodeController(time);
        Source = new GitSourceController(time);
        Flux = new FluxController(time) { Source = Source };
        api.Store.AddController(Nodes);
        api.Store.AddController(Source);
        api.Store.AddController(Flux);
        api.Store.AddController(new FluxOperatorController());
        Workloads = new WorkloadController(time);
        api.Store.AddController(Workloads);
        Talos = new FakeTalosctl(nodes, $"https://{vip}:6443");
        Talos.OnEtcdBootstrapped = () =>
        {
            _etcdSince = time.GetUtcNow();
            Nodes.Register(api.Store, nodes.Select(n => n.Name));
        };
        Nodes.NodeInfo = name => Talos.Nodes.FirstOrDefault(n => n.Name == name) is { } node
            ? new JsonObject
            {
                // Talos's PRETTY_NAME (pkg/machinery/constants OSReleaseTemplate), which the kubelet reports as osImage.
                ["osImage"] = $"Talos ({node.TalosVersion})",
                ["kubeletVersion"] = node.KubeletVersion,
                ["containerRuntimeVersion"] = "containerd://2.0.5",
                ["operatingSystem"] = "linux",
                ["architecture"] = "amd64",
            }
            : null;
        Talos.OnRebooted = node => Rebooted(node.Name);
        Talos.OnKubernetesUpgraded = () => Nodes.RefreshNodeInfo(api.Store);
        Talos.KubernetesNodes = () => [.. api.Store.List(api.Store.Type("", "v1", "nodes")!, null).Items.Select(n => (FakeKubeStore.NameOf(n),
            n["status"]?["conditions"] is JsonArray c && c.Any(x => x?["type"]?.GetValue<string>() == "Ready" && x["status"]?.GetValue<string>() == "True")))];
        Helm = new FakeHelm(api);
        Talos.OnEtcdWiped = () =>
        {
            // The API server's data and helm's release records (Secrets in etcd) go with etcd.
            api.Store.Wipe();
            Helm.Releases.Clear();
            Helm.History.Clear();
        };
        // The agents reach the API server through KubePrism (localhost:7445), the VIP or a node's own address.
        Nodes.ApiEndpoints.UnionWith([$"{vip}:6443", .. nodes.Select(n => $"{n.Address}:6443")]);
        Helm.Nodes = Nodes;
        Op = new FakeOp();
        Runner = new FakeCommandRunner(Talos, Helm, Op);
    }

    public FakeKubeApiServer Api { get; }

    public NodeController Nodes { get; }

    /// <summary>Scheduler, kubelet start and ReplicaSet/StatefulSet pod replacement (what a drain sees happen to evicted pods).</summary>
    public WorkloadController Workloads { get; }

    public FluxController Flux { get; }

    /// <summary>source-controller: which repositories and branches exist, and the folder of each (the tree Flux builds).</summary>
    public GitSourceController Source { get; }

    /// <summary>The Git repository Flux can clone: <paramref name="url"/> on <paramref name="branch"/> holds the tree in <paramref name="root"/>.</summary>
    public void ServeRepository(string url, string branch, string root)
    {
        if (!Source.Repositories.TryGetValue(url, out var branches))
        {
            Source.Repositories[url] = branches = new(StringComparer.Ordinal);
        }

        branches[branch] = root;
    }

    public FakeTalosctl Talos { get; }

    public FakeHelm Helm { get; }

    public FakeOp Op { get; }

    public FakeCommandRunner Runner { get; }

    /// <summary>
    /// How long after etcd's bootstrap the VIP starts answering (Talos's VIP operator elects its owner through etcd,
    /// then the owner announces the address). <see cref="Timeout.InfiniteTimeSpan"/>: never (a VIP outside the
    /// nodes' subnet, say).
    /// </summary>
    public TimeSpan VipDelay { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// How long a node's kubelet takes to post Ready again after a reboot (an upgrade): its Node is NotReady
    /// (Unknown, "Kubelet stopped posting node status.") until then.
    /// </summary>
    public TimeSpan KubeletRestartDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Reboots whose kubelet has not posted Ready yet.</summary>
    public int PendingKubeletRestarts => _pendingRestarts;

    private int _pendingRestarts;

    private void Rebooted(string name)
    {
        if (Api.Store.Get(Api.Store.Type("", "v1", "nodes")!, null, name) is null)
        {
            return;
        }

        Nodes.Rebooting(Api.Store, name);
        Interlocked.Increment(ref _pendingRestarts);
        _ = Task.Delay(KubeletRestartDelay, _time).ContinueWith(_ =>
        {
            Nodes.KubeletBack(Api.Store, name);
            Interlocked.Decrement(ref _pendingRestarts);
        }, TaskScheduler.Default);
    }

    /// <summary>True when the VIP answers now: etcd runs, the API server is up, and <see cref="VipDelay"/> has passed.</summary>
    public bool VipAnswers => Talos.EtcdRunning && Api.IsUp && _etcdSince is { } since && VipDelay != Timeout.InfiniteTimeSpan
        && _time.GetUtcNow() - since >= VipDelay;

    /// <summary>
    /// Where a client aimed at <c>uri</c> ends up: a node's address reaches the API server only while etcd runs (the
    /// API server needs it), the VIP only while <see cref="VipAnswers"/>; any other address (a kubeconfig a test
    /// wrote for the fake server itself) goes to the fake server. Otherwise a refused connection. Decided when a
    /// client is built (KubeClientFactory rewrites once per client), not per request.
    /// </summary>
    public Func<Uri, Uri> Rewrite => uri =>
        uri.Host == _vip ? (VipAnswers ? Api.Url : s_refused.Value)
        : _nodeAddresses.Contains(uri.Host) ? (Talos.EtcdRunning ? Api.Url : s_refused.Value)
        : Api.Url;

    /// <param name="nodes">name and address of each node, all in maintenance mode.</param>
    public static async Task<FakeCluster> StartAsync(IEnumerable<(string Name, string Address)> nodes, string vip, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var api = await FakeKubeApiServer.StartAsync(time).ConfigureAwait(false);
        var cluster = new FakeCluster(api, [.. nodes.Select(n => new FakeTalosNode(n.Name, n.Address))], vip, time);
        cluster.Flux.Tree.AddRange([("sources", []), ("secrets-store", ["sources"]), ("storage", ["sources"]), ("apps", ["secrets-store", "storage"])]);
        return cluster;
    }

    /// <summary>The Talos secrets bundle item `homeops talos secrets generate --store` writes (field talsecret).</summary>
    public void SeedTalosSecrets(string vault, string clusterName, string bundleYaml) =>
        Op.AddField(vault, $"Talos Secrets - {clusterName}", "talsecret", bundleYaml);

    /// <summary>The two items the bootstrap-secrets step reads, under the default names.</summary>
    public void SeedConnectItems(string vault, string clusterName)
    {
        Op.AddDocument(vault, $"1Password Connect Credentials - {clusterName}", ConnectCredentials);
        Op.AddField(vault, $"1Password Connect Token - {clusterName}", "token", ConnectToken);
    }

    public ValueTask DisposeAsync() => Api.DisposeAsync();
}
