using HomeOps.Fakes;
using HomeOps.Fakes.Kubernetes;
using HomeOps.Operations.Bootstrap;
using HomeOps.Operations.Bootstrap.Steps;
using HomeOps.Operations.Bootstrap.Tree;
using HomeOps.Operations.Recovery.Flux;
using HomeOps.Runtime.Kubernetes;
using HomeOps.Testing;

namespace HomeOps.Operations.Tests.Bootstrap;

/// <summary>Whole bootstrap runs against the fake cluster: the happy path, re-runs, dry-run.</summary>
public sealed class BootstrapRunTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Bootstrap_FreshCluster_ReachesFluxInControlWithGoldenCommands()
    {
        await using var h = await BootstrapHarness.StartAsync();

        var diagnostics = await h.RunAsync();

        diagnostics.ShouldBeEmpty(string.Join("\n", h.Progress.Lines));
        var store = h.Cluster.Api.Store;
        // flux-ready returned: every Kustomization Flux created from the tree is Ready (BootstrapFluxTests checks which).
        store.List(store.TypeOf("kustomize.toolkit.fluxcd.io/v1", "Kustomization")!, null).Items.ShouldAllBe(k => FluxObjects.IsReady(k));
        h.Cluster.Talos.EtcdBootstraps.ShouldBe(1);
        h.Cluster.Helm.Releases.Keys.ShouldBe([("kube-system", "cilium"), ("external-secrets", "external-secrets"), ("onepassword-connect", "onepassword-connect"), ("flux-system", "flux-operator")], ignoreOrder: true);
        h.Cluster.Helm.Releases[("kube-system", "cilium")].Version.ShouldBe("1.17.6");
        // Values come from the HelmRelease with cluster-settings substituted, as Flux will: numbers stay numbers.
        h.Cluster.Helm.Releases[("kube-system", "cilium")].Values.ShouldContain("k8sServicePort: 7445\n");
        h.Cluster.Helm.Releases[("kube-system", "cilium")].Values.ShouldContain("clusterPoolIPv4MaskSize: 24\n");
        store.Get(store.TypeOf("fluxcd.controlplane.io/v1", "FluxInstance")!, "flux-system", "flux").ShouldNotBeNull();
        h.State.Steps.Values.ShouldAllBe(s => s.Status == StepStatus.Done);
        h.State.Facts[Facts.ApiServer].ShouldBe("https://172.29.51.10:6443/");
        Golden.Assert(h.Commands(), "tests/HomeOps.Operations.Tests/Bootstrap/golden/full-run.commands");
    }

    /// <summary>The repository's own tree (not a fixture tree) on 1, 3 and 5 nodes: every node Ready through Cilium, the four core releases deployed, Flux in control.</summary>
    [Theory]
    [MemberData(nameof(BootstrapHarness.ClusterFixtures), MemberType = typeof(BootstrapHarness))]
    public async Task Bootstrap_RepositoryTreeOnEveryClusterSize_EveryNodeReadyAndFluxInControl(string fixture)
    {
        await using var h = await BootstrapHarness.StartAsync(clusterFixture: fixture);

        (await h.RunAsync()).ShouldBeEmpty(string.Join("\n", h.Progress.Lines));

        var store = h.Cluster.Api.Store;
        var nodes = store.List(store.Type("", "v1", "nodes")!, null).Items;
        nodes.Select(FakeKubeStore.NameOf).ShouldBe(h.Cluster.Talos.Nodes.Select(n => n.Name), ignoreOrder: true);
        nodes.ShouldAllBe(n => Fakes.Controllers.NodeController.IsReady(n));
        h.Cluster.Talos.Nodes.ShouldAllBe(n => n.Applies == 1);
        h.Cluster.Talos.EtcdBootstraps.ShouldBe(1);
        h.Cluster.Helm.Releases.Count.ShouldBe(4);
        h.Cluster.Helm.Releases.Keys.Select(k => h.Cluster.Helm.HistoryOf(k.Ns, k.Release).Last().Status).ShouldAllBe(s => s == "deployed");
        store.Get(store.Type("apps", "v1", "daemonsets")!, "kube-system", "cilium").ShouldNotBeNull("the real chart's agent DaemonSet");
        // The charts' own CRDs (flux-operator's are templated behind installCRDs), as helm template rendered them.
        store.List(FakeResourceType.Crd, null).Items.Select(FakeKubeStore.NameOf).ShouldContain("resourcesets.fluxcd.controlplane.io");
        store.List(FakeResourceType.Crd, null).Items.Select(FakeKubeStore.NameOf).ShouldContain("clustersecretstores.external-secrets.io");
        h.State.Steps.Values.ShouldAllBe(s => s.Status == StepStatus.Done);
    }

    [Fact]
    public async Task Bootstrap_Secrets_AppliedFromOpAndNeverOnDisk()
    {
        await using var h = await BootstrapHarness.StartAsync();

        (await h.RunAsync()).ShouldBeEmpty();

        var secrets = h.Cluster.Api.Store.Type("", "v1", "secrets")!;
        var credentials = h.Cluster.Api.Store.Get(secrets, "onepassword-connect", "onepassword-connect-credentials")!;
        var token = h.Cluster.Api.Store.Get(secrets, "onepassword-connect", "onepassword-connect-token")!;
        // The API server stores stringData as base64 data, as a real one does; what Connect will mount is the decoded value.
        credentials["stringData"].ShouldBeNull();
        Decode(credentials["data"]!["1password-credentials.json"]!).ShouldBe(FakeCluster.ConnectCredentials);
        Decode(token["data"]!["token"]!).ShouldBe(FakeCluster.ConnectToken);
        foreach (var file in Directory.EnumerateFiles(h.Root, "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            text.ShouldNotContain(FakeCluster.ConnectToken, customMessage: file);
            text.ShouldNotContain("\"encCredentials\"", customMessage: file);
        }

        string.Join("\n", h.Progress.Lines).ShouldNotContain(FakeCluster.ConnectToken);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(h.Paths.TalosSecrets).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.GetUnixFileMode(h.Paths.Kubeconfig).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static string Decode(System.Text.Json.Nodes.JsonNode base64) => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(base64.GetValue<string>()));

    [Fact]
    public async Task Bootstrap_SecondRun_SkipsEveryStepAndChangesNothing()
    {
        await using var h = await BootstrapHarness.StartAsync();
        (await h.RunAsync()).ShouldBeEmpty();
        var writes = new Dictionary<string, int>(h.Cluster.Api.Store.WriteCounts);
        var revision = h.Cluster.Api.Store.Revision;
        h.Progress.Lines.Clear();

        (await h.RunAsync()).ShouldBeEmpty();

        h.Progress.Lines.Count(l => l.StartsWith("skip ", StringComparison.Ordinal)).ShouldBe(h.State.Steps.Count - 1);
        // Wait-only steps (api-ready, nodes-registered, flux-ready) found their condition met and never ran an action.
        h.State.Steps.Where(s => s.Key != PreflightStep.StepName).ShouldAllBe(s => s.Value.Runs <= 1);
        h.Cluster.Talos.EtcdBootstraps.ShouldBe(1);
        h.Cluster.Talos.Nodes.ShouldAllBe(n => n.Applies == 1);
        h.Cluster.Helm.Releases.Values.ShouldAllBe(r => r.Revision == 1);
        h.Cluster.Op.ItemsCreated.ShouldBe(0);
        h.Cluster.Api.Store.WriteCounts.ShouldBe(writes);
        h.Cluster.Api.Store.Revision.ShouldBe(revision);
    }

    [Fact]
    public async Task Bootstrap_TalosSecretsInOnePassword_LoadedNotGenerated()
    {
        await using var h = await BootstrapHarness.StartAsync();

        (await h.RunAsync()).ShouldBeEmpty();

        h.Cluster.Op.ItemsCreated.ShouldBe(0);
        File.ReadAllText(h.Paths.TalosSecrets).ShouldBe(TestSecrets.Yaml);
        File.ReadAllText(h.Paths.NodeConfig("mini01")).ShouldContain("machine:");
    }

    [Fact]
    public async Task Bootstrap_NoTalosSecretsAnywhere_GeneratedStoredInOnePasswordThenWrittenLocally()
    {
        await using var h = await BootstrapHarness.StartAsync(seedTalosSecrets: false);

        (await h.RunAsync()).ShouldBeEmpty();

        h.Cluster.Op.ItemsCreated.ShouldBe(1);
        var stored = h.Cluster.Op.Vaults.Find("Automation", "Talos Secrets - home-ops").ShouldHaveSingleItem().Field("talsecret")!;
        File.ReadAllText(h.Paths.TalosSecrets).ShouldBe(stored);
        var clusterSecret = System.Text.RegularExpressions.Regex.Match(stored, @"\bsecret: (\S+)").Groups[1].Value;
        clusterSecret.Length.ShouldBeGreaterThan(20);
        string.Join("\n", h.Progress.Lines).ShouldNotContain(clusterSecret);
        string.Join("\n", h.Cluster.Runner.Calls).ShouldNotContain(clusterSecret);
    }

    [Fact]
    public async Task Bootstrap_DryRun_PrintsPlanAndTouchesNothing()
    {
        await using var h = await BootstrapHarness.StartAsync();

        (await h.RunAsync(h.Options with { DryRun = true })).ShouldBeEmpty();

        h.Cluster.Runner.Calls.ShouldBeEmpty();
        File.Exists(h.Paths.StateFile).ShouldBeFalse();
        var plan = string.Join("\n", h.Progress.Lines).Replace(h.Root, "<repo>", StringComparison.Ordinal) + "\n";
        plan.ShouldNotContain(FakeCluster.ConnectToken);
        Golden.Assert(plan, "tests/HomeOps.Operations.Tests/Bootstrap/golden/dry-run.plan");
    }

    [Fact]
    public async Task Bootstrap_Only_RunsOneStepWhenDependenciesDone()
    {
        await using var h = await BootstrapHarness.StartAsync();
        (await h.RunAsync()).ShouldBeEmpty();
        var ns = h.Cluster.Api.Store.Type("", "v1", "namespaces")!;
        h.Cluster.Api.Store.Delete(ns, null, "external-secrets");

        (await h.RunAsync(h.Options with { Only = NamespacesStep.StepName })).ShouldBeEmpty();

        h.Cluster.Api.Store.Get(ns, null, "external-secrets").ShouldNotBeNull();
        h.State.Steps[NamespacesStep.StepName].Runs.ShouldBe(2);
    }

    [Fact]
    public async Task Bootstrap_FromStepWithoutItsDependencies_Refused()
    {
        await using var h = await BootstrapHarness.StartAsync();

        var diagnostics = await h.RunAsync(h.Options with { From = CrdsStep.StepName });

        diagnostics.ShouldHaveSingleItem().Code.ShouldBe("HO5004");
        h.Cluster.Runner.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task Bootstrap_UnknownStep_ListsTheSteps()
    {
        await using var h = await BootstrapHarness.StartAsync();

        var diagnostic = (await h.RunAsync(h.Options with { Only = "etcd" })).ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe("HO5002");
        diagnostic.Hint!.ShouldContain("etcd-bootstrap");
    }

    [Fact]
    public async Task Bootstrap_FluxKustomizationStuck_TimesOutNamingWhatBlocksWhat()
    {
        await using var h = await BootstrapHarness.StartAsync();
        h.Cluster.Flux.Stuck.Add("longhorn");

        var diagnostic = (await h.RunAsync(h.Options with { WaitTimeout = TimeSpan.FromSeconds(1.5) })).ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe("HO5042");
        diagnostic.Message.ShouldContain("longhorn: ProgressingWithRetry");
        diagnostic.Message.ShouldContain("longhorn-config waits on longhorn");
    }

    [Fact]
    public async Task Kustomizations_ViaKubeApi_AreTheTreesFluxKustomizations()
    {
        await using var h = await BootstrapHarness.StartAsync();
        (await h.RunAsync()).ShouldBeEmpty();

        using var api = (KubeApi)h.Environment.Kube.Create(h.Paths.Kubeconfig);
        var list = await api.ListAsync(KubeResource.Kustomizations, "flux-system", Ct);

        var (built, _) = await BootstrapTree.LoadAsync(h.Workspace, h.Environment.CheckRunner, TimeProvider.System, Ct);
        list.Items.Select(k => k["metadata"]!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal)
            .ShouldBe(FluxTree.From(built!).All.Where(k => k.Namespace == "flux-system").Select(k => k.Name).Order(StringComparer.Ordinal));
    }
}
