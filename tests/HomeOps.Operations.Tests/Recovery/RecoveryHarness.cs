using System.Text.Json.Nodes;
using HomeOps.Core.GitOps.Model;
using HomeOps.Fakes.Kubernetes;
using HomeOps.Operations.Bootstrap.Tree;
using HomeOps.Operations.Recovery.Flux;
using HomeOps.Operations.Tests.Bootstrap;

namespace HomeOps.Operations.Tests.Recovery;

/// <summary>
/// A repository copy (the repository's own tree) and a fake cluster that Flux runs: the tree's Kustomizations exist,
/// applied by the root flux-system, each Ready once its dependencies are. etcd runs on the nodes and the admin
/// kubeconfig is in place.
/// </summary>
internal sealed partial class RecoveryHarness : IAsyncDisposable
{
    private RecoveryHarness(BootstrapHarness bootstrap, FluxTree tree)
    {
        Bootstrap = bootstrap;
        Tree = tree;
    }

    public BootstrapHarness Bootstrap { get; }

    public FluxTree Tree { get; }

    public Fakes.FakeCluster Cluster => Bootstrap.Cluster;

    public FakeKubeStore Store => Cluster.Api.Store;

    /// <param name="running">Start with Flux running the tree (every Kustomization Ready); else an empty API server.</param>
    public static async Task<RecoveryHarness> StartAsync(bool running = true)
    {
        var bootstrap = await BootstrapHarness.StartAsync();
        var (built, diagnostics) = await BootstrapTree.LoadAsync(bootstrap.Workspace, bootstrap.Environment.CheckRunner, TimeProvider.System, TestContext.Current.CancellationToken);
        built.ShouldNotBeNull(string.Join("\n", diagnostics));
        var tree = FluxTree.From(built);
        // The fake kustomize-controller applies the tree's own Kustomizations when the root appears.
        bootstrap.Cluster.Flux.Tree.Clear();
        bootstrap.Cluster.Flux.Tree.AddRange(tree.All.Where(k => k.Name != "flux-system")
            .Select(k => (k.Name, k.Object.Spec.Seq("dependsOn").Select(d => d.Str("name")!).ToArray())));
        var harness = new RecoveryHarness(bootstrap, tree);
        FakeKubeconfig.Write(bootstrap.Paths.Kubeconfig, bootstrap.Cluster.Api.Url.ToString());
        // A running cluster: etcd runs, so the API server answers at the node addresses the workflows use.
        harness.StartEtcd();
        if (running)
        {
            await harness.StartFluxAsync();
        }

        return harness;
    }

    /// <summary>What the bootstrap leaves: Flux's CRDs, the flux-system namespace, the GitRepository and the root Kustomization.</summary>
    public async Task StartFluxAsync()
    {
        var crds = Store.Type("apiextensions.k8s.io", "v1", "customresourcedefinitions")!;
        foreach (var crd in FluxCrds.All())
        {
            Store.Create(crds, null, crd);
        }

        await WaitUntilAsync(() => Store.TypeOf("kustomize.toolkit.fluxcd.io/v1", "Kustomization") is not null && Store.TypeOf("source.toolkit.fluxcd.io/v1", "GitRepository") is not null, "Flux CRDs served");
        Store.Create(Store.Type("", "v1", "namespaces")!, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = "flux-system" } });
        Store.Create(Store.TypeOf("source.toolkit.fluxcd.io/v1", "GitRepository")!, "flux-system", Tree.Tree.Find("source.toolkit.fluxcd.io", "GitRepository", "flux-system") is { } repo
            ? BootstrapTree.ToJson(repo)
            : new JsonObject { ["metadata"] = new JsonObject { ["name"] = "flux-system" } });
        Store.Create(Kustomizations, "flux-system", Tree.Find("flux-system")!.ToJson());
        await WaitUntilAsync(() => Live().Count == Tree.All.Count() && Live().All(FluxObjects.IsReady), "every Kustomization Ready");
    }

    public FakeResourceType Kustomizations => Store.TypeOf("kustomize.toolkit.fluxcd.io/v1", "Kustomization")!;

    public IReadOnlyList<JsonObject> Live() => Store.List(Kustomizations, null).Items;

    public JsonObject? Live(string name) => Store.Get(Kustomizations, "flux-system", name);

    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        condition().ShouldBeTrue($"timed out waiting for {what}");
    }

    /// <summary>Write requests that reached the API server: what the product changed (the fake's controllers write to the store directly).</summary>
    public int WriteRequests() => Cluster.Api.Requests.Count(r => !r.StartsWith("GET ", StringComparison.Ordinal));

    public ValueTask DisposeAsync() => Bootstrap.DisposeAsync();
}
