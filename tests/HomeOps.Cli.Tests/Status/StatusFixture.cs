using HomeOps.Fakes.Kubernetes;
using HomeOps.Fakes.Programs;
using HomeOps.Runtime.Files;
using HomeOps.Testing;
using Microsoft.Extensions.Time.Testing;

namespace HomeOps.Cli.Tests.Status;

/// <summary>
/// The fake API server serving a recorded cluster (tests/HomeOps.Cli.Tests/Fixtures/Status/&lt;name&gt;: one JSON list
/// per kind, custom kinds checked against the real CRDs in schemas/crds), a kubeconfig for it, and the CLI run against
/// it on a fixed clock: the objects are created at 09:00 and status runs at 12:00 UTC on 2026-11-26. The folder holds
/// the repository's cluster.yaml (three control planes) and a talosconfig; fake talosctl answers for the three nodes
/// (mini03's USB SSD volume missing), and 1Password Connect answers /health behind the service proxy.
/// </summary>
internal sealed class StatusFixture : IAsyncDisposable
{
    public static readonly DateTimeOffset Created = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Connect's answer when its sync works (the shape 1Password documents for GET /health).</summary>
    public const string ConnectHealthy = """{"name":"1Password Connect API","version":"1.7.3","dependencies":[{"service":"sync","status":"ACTIVE"},{"service":"sqlite","status":"ACTIVE","message":"Connected to a sqlite database"}]}""";

    private StatusFixture(FakeKubeApiServer server, FakeTimeProvider time, TempDirectory folder, IReadOnlyList<string> kinds)
    {
        Server = server;
        Time = time;
        Folder = folder;
        Kinds = kinds;
        Kubeconfig = FakeKubeconfig.Write(Path.Combine(folder.Path, "kubeconfig"), server.Url.ToString());
        File.Copy(RepositoryPaths.ClusterFile, Path.Combine(folder.Path, "cluster.yaml"));
        // Where `homeops talos render` writes it, so status finds it as it would in a fork.
        Talosconfig = Path.Combine(Directory.CreateDirectory(Path.Combine(folder.Path, "talos", "generated")).FullName, "talosconfig");
        File.WriteAllText(Talosconfig, "context: home-ops\ncontexts:\n  home-ops:\n    endpoints: [172.29.51.11]\n");
        TalosNodes = [new FakeTalosNode("mini01", "172.29.51.11") { Stage = "running" }, new FakeTalosNode("mini02", "172.29.51.12") { Stage = "running" }, new FakeTalosNode("mini03", "172.29.51.13") { Stage = "running" }];
        TalosNodes[2].Volumes.Add(new FakeTalosVolume("u-longhorn-ssd", "missing", string.Empty, string.Empty, "volume not found: no disk matched the selector (model: Portable SSD T5)"));
        Talos = new FakeTalosctl(TalosNodes, $"{server.Url}");
        Talos.MarkEtcdBootstrapped("172.29.51.11");
        Commands = new FakeCommandRunner(Talos);
        server.ServiceBackends["onepassword-connect/onepassword-connect:8080"] = path => path == "health" ? (200, ConnectHealth) : (404, "404 page not found");
        // The primary's instance manager (status port 8000, TLS as its command says); the other instances answer too,
        // as standbys, so a section that asked the wrong pod would see isPrimary false.
        server.PodBackends["postgresql-system/postgresql-cluster-1:8000"] = (true, path => path == "pg/status" ? (200, PrimaryStatus) : (404, "404 page not found"));
        server.PodBackends["postgresql-system/postgresql-cluster-2:8000"] = (true, path => path == "pg/status" ? (200, """{"isPrimary":false,"systemID":"7400000000000000001","replayLsn":"0/5000060"}""") : (404, "404 page not found"));
    }

    /// <summary>
    /// What postgresql-cluster-1's GET /pg/status answers: the shape of cloudnative-pg v1.27.1 pkg/postgres/status.go
    /// (replicationInfo rows from pg_stat_replication, lag as PostgreSQL prints an interval). Tests change it.
    /// postgresql-cluster-3 is not there: its pod is Pending.
    /// </summary>
    public string PrimaryStatus { get; set; } = """{"isPrimary":true,"systemID":"7400000000000000001","currentLsn":"0/5000060","timeLineID":1,"replicationInfo":[{"applicationName":"postgresql-cluster-2","state":"streaming","receivedLsn":"0/5000060","writeLsn":"0/5000060","flushLsn":"0/5000060","replayLsn":"0/5000060","writeLag":"00:00:00.000612","flushLag":"00:00:00.001405","replayLag":"00:00:00.25","syncState":"async","syncPriority":"0"}]}""";

    public string Talosconfig { get; }

    public IReadOnlyList<FakeTalosNode> TalosNodes { get; }

    public FakeTalosctl Talos { get; }

    public FakeCommandRunner Commands { get; }

    /// <summary>Roots the HTTPS probe of doctor trusts (a local test CA).</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2Collection? TrustedRoots { get; set; }

    /// <summary>Creates an object in the fake cluster (its namespace too), as a controller or kubectl would.</summary>
    public void Put(string apiVersion, string kind, System.Text.Json.Nodes.JsonObject body)
    {
        var type = Server.Store.TypeOf(apiVersion, kind) ?? throw new InvalidOperationException($"{kind} is not served");
        var ns = body["metadata"]?["namespace"]?.GetValue<string>();
        var namespaces = Server.Store.Type("", "v1", "namespaces")!;
        if (ns is not null && Server.Store.Get(namespaces, null, ns) is null)
        {
            Server.Store.Create(namespaces, null, new System.Text.Json.Nodes.JsonObject { ["metadata"] = new System.Text.Json.Nodes.JsonObject { ["name"] = ns } });
        }

        var status = body["status"]?.DeepClone() as System.Text.Json.Nodes.JsonObject;
        var created = Server.Store.Create(type, ns, body);
        if (status is not null)
        {
            Server.Store.Patch(type, ns, created["metadata"]!["name"]!.GetValue<string>(), new System.Text.Json.Nodes.JsonObject { ["status"] = status }, apply: false, status: true, null);
        }
    }

    /// <summary>What Connect's GET /health answers (tests change it).</summary>
    public string ConnectHealth { get; set; } = ConnectHealthy;

    public FakeKubeApiServer Server { get; }

    public FakeTimeProvider Time { get; }

    public TempDirectory Folder { get; }

    /// <summary>The kinds the fixture holds, as "plural.group".</summary>
    public IReadOnlyList<string> Kinds { get; }

    public string Kubeconfig { get; }

    public static async Task<StatusFixture> StartAsync(string name = "cluster", params string[] without)
    {
        var time = new FakeTimeProvider(Created);
        var server = await FakeKubeApiServer.StartAsync(time);
        var source = RepositoryPaths.Combine("tests", "HomeOps.Cli.Tests", "Fixtures", "Status", name);
        var folder = new TempDirectory();
        var copy = Directory.CreateDirectory(Path.Combine(folder.Path, "snapshot")).FullName;
        foreach (var file in Directory.GetFiles(source, "*.json").Where(f => !without.Contains(Path.GetFileNameWithoutExtension(f))))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        var kinds = FakeSnapshot.Load(server.Store, copy, RepositoryPaths.Combine("schemas", "crds"), RepositoryPaths.Combine("tests", "HomeOps.Fakes", "Crds"));
        time.SetUtcNow(Now);
        return new StatusFixture(server, time, folder, kinds);
    }

    /// <summary>The list requests the server saw (GET without watch, on a collection; not the service proxy's GETs).</summary>
    public int ListRequests => Server.Requests.Count(r => r.StartsWith("GET ", StringComparison.Ordinal) && !r.Contains("watch=true", StringComparison.Ordinal) && !r.Contains("/proxy/", StringComparison.Ordinal));

    /// <summary>The GETs sent through the API server's service proxy (not the pod proxy).</summary>
    public int ProxyRequests => Server.Requests.Count(r => r.StartsWith("GET ", StringComparison.Ordinal) && r.Contains("/services/", StringComparison.Ordinal) && r.Contains("/proxy/", StringComparison.Ordinal));

    /// <summary>Plugs mini03's USB SSD back in: every Talos volume is ready, so Talos is healthy.</summary>
    public void HealTalos() => TalosNodes[2].Volumes.RemoveAll(v => v.Phase == "missing");

    public Task<CliRunner.Result> RunAsync(params string[] args) => RunAsync(Time, args);

    /// <summary>Runs on another clock: retries wait on it, so a test that makes requests fail runs on the system clock.</summary>
    public async Task<CliRunner.Result> RunAsync(TimeProvider clock, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, Folder.Path, PhysicalFileSystem.Instance, clock) { Environment = _ => null, Commands = Commands, TrustedRoots = TrustedRoots };
        var code = await HomeOpsCli.RunAsync(args, context, TestContext.Current.CancellationToken);
        return new CliRunner.Result(code, output.ToString(), error.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Folder.Dispose();
    }
}
