using System.Text.Json.Nodes;
using HomeOps.Fakes.Controllers;
using HomeOps.Fakes.Kubernetes;
using HomeOps.Fakes.Programs;

namespace HomeOps.Fakes;

/// <summary>
/// Everything a cluster-facing test needs, wired together: the fake API server with node and Flux controllers,
/// fake talosctl (nodes in maintenance mode), helm (charts with their CRDs and effects) and op (the 1Password
/// items the bootstrap reads), behind one <see cref="FakeCommandRunner"/>. <see cref="Rewrite"/> sends every
/// API address (node or VIP) to the fake server.
/// </summary>
public sealed class FakeCluster : IAsyncDisposable
{
    public const string ConnectToken = "eyJhbGciOiJFUzI1NiIsImtpZCI6ImZha2UifQ.eyJzdWIiOiJmYWtlLWNvbm5lY3QtdG9rZW4tZm9yLXRlc3RzIiwiYXVkIjpbImNvbm5lY3QiXX0.ZmFrZS1zaWduYXR1cmUtZm9yLXRlc3RzLW9ubHk";

    public const string ConnectCredentials = """{"verifier":{"salt":"fake","localHash":"fake"},"encCredentials":{"kid":"fake","enc":"A256GCM","cty":"b5+jwk+json","iv":"fake","data":"fake"},"version":"2","deviceUuid":"fake","uniqueKey":{"alg":"A256GCM","ext":true,"k":"fake","key_ops":["decrypt","encrypt"],"kty":"oct","kid":"fake"}}""";

    private FakeCluster(FakeKubeApiServer api, IReadOnlyList<FakeTalosNode> nodes, string vip, TimeProvider time)
    {
        Api = api;
        Nodes = new NodeController(time);
        Flux = new FluxController(time);
        api.Store.AddController(Nodes);
        api.Store.AddController(Flux);
        api.Store.AddController(new FluxOperatorController());
        Talos = new FakeTalosctl(nodes, $"https://{vip}:6443");
        Talos.OnEtcdBootstrapped = () => Nodes.Register(api.Store, nodes.Select(n => n.Name));
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

    public FluxController Flux { get; }

    public FakeTalosctl Talos { get; }

    public FakeHelm Helm { get; }

    public FakeOp Op { get; }

    public FakeCommandRunner Runner { get; }

    public Func<Uri, Uri> Rewrite => _ => Api.Url;

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
