using System.Text.Json.Nodes;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Yaml;
using HomeOps.Fakes.Controllers;
using HomeOps.Fakes.Kubernetes;
using HomeOps.Operations.Bootstrap.Tree;
using HomeOps.Testing;

namespace HomeOps.Operations.Tests.Recovery;

/// <summary>
/// The data services of the tree in the fake cluster: CloudNativePG's and Longhorn's CRDs as the repository pins them
/// (schemas/crds, rendered from the real charts), the fake operators, and the tree's own PostgreSQL Cluster and
/// ObjectStore applied as Flux would apply them, plus the two bootstrap Secrets.
/// </summary>
internal sealed partial class RecoveryHarness
{
    private static readonly string[] s_crdFiles =
    [
        "cnpg/postgresql.cnpg.io_clusters.yaml",
        "cnpg/postgresql.cnpg.io_backups.yaml",
        "cnpg/barmancloud.cnpg.io_objectstores.yaml",
        "longhorn/longhorn.io_systembackups.yaml",
        "longhorn/longhorn.io_systemrestores.yaml",
    ];

    public CnpgController Cnpg { get; } = new(TimeProvider.System);

    public LonghornController Longhorn { get; } = new(TimeProvider.System);

    public static JsonObject ReadCrd(string file)
    {
        var path = RepositoryPaths.Combine("schemas", "crds", file);
        var node = YamlReader.ReadSingle(File.ReadAllText(path), path, new DiagnosticBag());
        return (JsonObject)YamlJson.ToJson(node!)!;
    }

    /// <summary>Installs the CRDs and operators, then applies the tree's CNPG Cluster(s), ObjectStore(s) and the bootstrap Secrets.</summary>
    public async Task StartDataServicesAsync()
    {
        Store.AddController(Cnpg);
        Store.AddController(Longhorn);
        foreach (var file in s_crdFiles)
        {
            Store.Create(FakeResourceType.Crd, null, ReadCrd(file));
        }

        await WaitUntilAsync(() => Store.TypeOf("postgresql.cnpg.io/v1", "Backup") is not null && Store.TypeOf("longhorn.io/v1beta2", "SystemRestore") is not null
            && Store.TypeOf("barmancloud.cnpg.io/v1", "ObjectStore") is not null && Store.TypeOf("postgresql.cnpg.io/v1", "Cluster") is not null, "data CRDs served");
        var crdNames = s_crdFiles.Select(f => FakeKubeStore.NameOf(ReadCrd(f))).Concat(FluxCrds.All().Select(FakeKubeStore.NameOf)).ToList();
        await WaitUntilAsync(() => Store.AreEstablished(crdNames), "data CRDs Established");
        var namespaces = Store.Type("", "v1", "namespaces")!;
        foreach (var ns in new[] { "postgresql-system", "longhorn-system", "onepassword-connect" })
        {
            if (Store.Get(namespaces, null, ns) is null)
            {
                Store.Create(namespaces, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = ns } });
            }
        }

        foreach (var obj in Tree.Tree.OfKind("barmancloud.cnpg.io", "ObjectStore").Concat(Tree.Tree.OfKind("postgresql.cnpg.io", "Cluster")))
        {
            Store.Create(Store.TypeOf(obj.ApiVersion, obj.Kind)!, obj.Namespace, BootstrapTree.ToJson(obj));
        }

        Longhorn.Volumes.AddRange(["pvc-postgresql-cluster-1", "pvc-home-assistant-config", "pvc-mosquitto-data"]);
        var secrets = Store.Type("", "v1", "secrets")!;
        Store.Create(secrets, "onepassword-connect", Secret("onepassword-connect-credentials", "1password-credentials.json", "e30="));
        Store.Create(secrets, "onepassword-connect", Secret("onepassword-connect-token", "token", "c2VjcmV0LXRva2VuLXZhbHVl"));
    }

    /// <summary>The nodes configured and etcd bootstrapped on the first control plane, as after a bootstrap (talosconfig in place).</summary>
    public void StartEtcd()
    {
        if (Cluster.Talos.EtcdRunning)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Bootstrap.Paths.Talosconfig)!);
        // Configured with the seeded bundle (TestSecrets): the nodes trust its OS CA, as the talosconfig rendered from it does.
        var ca = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(HomeOps.Testing.TestSecrets.Bundle.Certs.Os.Certificate!));
        File.WriteAllText(Bootstrap.Paths.Talosconfig, $"context: home-ops\ncontexts:\n  home-ops:\n    ca: {ca}\n");
        foreach (var node in Cluster.Talos.Nodes)
        {
            node.Stage = "running";
            node.Ca = ca;
        }

        var first = Cluster.Talos.Nodes[0].Address;
        Cluster.Talos.Run(["bootstrap", "--nodes", first, "--endpoints", first, "--talosconfig", Bootstrap.Paths.Talosconfig], null).ExitCode.ShouldBe(0);
    }

    private static JsonObject Secret(string name, string key, string base64) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = name },
        ["data"] = new JsonObject { [key] = base64 },
    };
}
