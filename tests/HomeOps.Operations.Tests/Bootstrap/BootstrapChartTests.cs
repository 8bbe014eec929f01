using HomeOps.Operations.Bootstrap;
using HomeOps.Operations.Bootstrap.Steps;

namespace HomeOps.Operations.Tests.Bootstrap;

/// <summary>
/// The core charts against a cluster that behaves like one: the CNI makes nodes Ready only with values that work,
/// `helm --wait` fails at its timeout while the chart's pods cannot run, and a Ctrl-C during the wait leaves the
/// release pending, which the next run must repair before helm accepts another install (issue 19).
/// </summary>
public sealed class BootstrapChartTests
{
    private const string Cilium = "infrastructure/cilium/helmrelease.yaml";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static BootstrapOptions Short(BootstrapHarness h) => h.Options with { ChartTimeout = TimeSpan.FromSeconds(1), WaitTimeout = TimeSpan.FromSeconds(3) };

    /// <summary>A change to Cilium's HelmRelease that keeps its agents from running, and what the agent (or admission) reports.</summary>
    public static TheoryData<string, string, string> CiliumValuesThatCannotWork() => new()
    {
        { "k8sServicePort: 7445", "k8sServicePort: 6443", "dial tcp localhost:6443: connect: connection refused" },
        { "k8sServiceHost: localhost", "k8sServiceHost: 10.0.0.1", "dial tcp 10.0.0.1:7445: connect: connection refused" },
        { "      mode: cluster-pool", "      mode: eni", "ipam mode \"eni\"" },
        { "clusterPoolIPv6MaskSize: ${POD_CIDR_IPV6_NODE_MASK}", "clusterPoolIPv6MaskSize: 120", "the node CIDR size is too big" },
    };

    [Theory]
    [MemberData(nameof(CiliumValuesThatCannotWork))]
    public async Task Bootstrap_CiliumValuesThatCannotWork_NodesStayNotReadyAndHO5063SaysWhy(string find, string replace, string reported)
    {
        await using var h = await BootstrapHarness.StartAsync(editTree: root => BootstrapHarness.Edit(root, Cilium, find, replace));

        var diagnostic = (await h.RunAsync(Short(h))).ShouldHaveSingleItem(string.Join("\n", h.Progress.Lines));

        diagnostic.Code.ShouldBe("HO5063");
        diagnostic.Message.ShouldContain(reported);
        diagnostic.Message.ShouldContain("NotReady: mini01, mini02, mini03");
        diagnostic.Location.Path.ShouldBe(Cilium);
        var store = h.Cluster.Api.Store;
        store.List(store.Type("", "v1", "nodes")!, null).Items.ShouldAllBe(n => !Fakes.Controllers.NodeController.IsReady(n));
        h.Cluster.Helm.Releases.Keys.ShouldHaveSingleItem().Release.ShouldBe("cilium", "nothing is installed after a CNI that does not run");
        h.State.Steps[ChartStep.StepName("cilium")].Status.ShouldNotBe(StepStatus.Done);
    }

    [Fact]
    public async Task Bootstrap_CiliumInANamespacePodSecurityDoesNotExempt_HO5063SaysAdmissionRefusedTheAgents()
    {
        // The chart's namespaceOverride moves the agents out of kube-system, the only namespace Talos's Pod Security exempts.
        await using var h = await BootstrapHarness.StartAsync(editTree: root => BootstrapHarness.Edit(root, Cilium, "  values:\n", "  values:\n    namespaceOverride: cilium-system\n"));
        var store = h.Cluster.Api.Store;
        store.Create(store.Type("", "v1", "namespaces")!, null, new System.Text.Json.Nodes.JsonObject { ["metadata"] = new System.Text.Json.Nodes.JsonObject { ["name"] = "cilium-system" } });

        var diagnostic = (await h.RunAsync(Short(h))).ShouldHaveSingleItem(string.Join("\n", h.Progress.Lines));

        diagnostic.Code.ShouldBe("HO5063");
        diagnostic.Message.ShouldContain("violates PodSecurity \"baseline:latest\"");
        diagnostic.Message.ShouldContain("namespace cilium-system is not exempt");
    }

    [Fact]
    public async Task Bootstrap_CiliumWithoutKubeProxyReplacement_NodesReadyButHelmWaitTimesOutWithHO5062()
    {
        // Talos runs no kube-proxy: without Cilium's replacement the nodes turn Ready, but no pod reaches the API through
        // its Service, so the chart's own Hubble Deployments never become ready.
        await using var h = await BootstrapHarness.StartAsync(editTree: root => BootstrapHarness.Edit(root, Cilium, "kubeProxyReplacement: true", "kubeProxyReplacement: false"));

        var diagnostic = (await h.RunAsync(Short(h))).ShouldHaveSingleItem(string.Join("\n", h.Progress.Lines));

        diagnostic.Code.ShouldBe("HO5062");
        diagnostic.Message.ShouldContain("cilium 1.17.6");
        diagnostic.Message.ShouldContain("dial tcp 10.96.0.1:443: i/o timeout");
        var store = h.Cluster.Api.Store;
        store.List(store.Type("", "v1", "nodes")!, null).Items.ShouldAllBe(n => Fakes.Controllers.NodeController.IsReady(n));
        h.Cluster.Helm.HistoryOf("kube-system", "cilium")[^1].Status.ShouldBe("failed");
    }

    [Fact]
    public async Task Bootstrap_ConnectCredentialsSecretGone_HelmWaitTimesOutWithHO5062NamingIt()
    {
        await using var h = await BootstrapHarness.StartAsync();
        var store = h.Cluster.Api.Store;
        h.Cluster.Runner.BeforeRun = spec =>
        {
            if (spec.Display().StartsWith("helm upgrade --install onepassword-connect ", StringComparison.Ordinal))
            {
                store.Delete(store.Type("", "v1", "secrets")!, "onepassword-connect", "onepassword-connect-credentials");
            }
        };

        var diagnostic = (await h.RunAsync(Short(h))).ShouldHaveSingleItem(string.Join("\n", h.Progress.Lines));

        diagnostic.Code.ShouldBe("HO5062");
        diagnostic.Message.ShouldContain("secret \"onepassword-connect-credentials\" not found");
        h.Cluster.Helm.Releases.ContainsKey(("flux-system", "flux-operator")).ShouldBeFalse();
    }

    [Fact]
    public async Task Resume_AfterCtrlCDuringHelmWait_RepairsThePendingReleaseAndConverges()
    {
        await using var h = await BootstrapHarness.StartAsync();
        h.Cluster.Helm.PodStartDelay = TimeSpan.FromMilliseconds(300);
        using var ctrlC = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        h.Cluster.Helm.OnWaiting = problem =>
        {
            if (problem.Contains(" external-secrets/", StringComparison.Ordinal))
            {
                ctrlC.Cancel();
            }
        };

        await Should.ThrowAsync<OperationCanceledException>(() => h.RunAsync(cancellationToken: ctrlC.Token));
        h.Cluster.Helm.OnWaiting = null;
        h.Cluster.Helm.HistoryOf("external-secrets", "external-secrets").ShouldHaveSingleItem().Status.ShouldBe("pending-install");

        (await h.RunAsync(h.Options with { Resume = true })).ShouldBeEmpty(string.Join("\n", h.Progress.Lines));

        h.Cluster.Helm.Repairs.ShouldBe(["uninstall external-secrets/external-secrets"]);
        h.Cluster.Helm.HistoryOf("external-secrets", "external-secrets").ShouldHaveSingleItem().Status.ShouldBe("deployed");
        h.State.Steps.Values.ShouldAllBe(s => s.Status == StepStatus.Done);
        h.Progress.Lines.ShouldContain(l => l.Contains("release external-secrets/external-secrets is pending-install", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Resume_PendingReleaseThatCannotBeRepaired_HO5061NamesTheRelease()
    {
        await using var h = await BootstrapHarness.StartAsync();
        h.Cluster.Helm.PodStartDelay = TimeSpan.FromMilliseconds(300);
        using var ctrlC = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        h.Cluster.Helm.OnWaiting = problem =>
        {
            if (problem.Contains(" external-secrets/", StringComparison.Ordinal))
            {
                ctrlC.Cancel();
            }
        };
        await Should.ThrowAsync<OperationCanceledException>(() => h.RunAsync(cancellationToken: ctrlC.Token));
        h.Cluster.Helm.OnWaiting = null;
        h.Cluster.Helm.FailNextCommand["uninstall"] = "Error: uninstallation completed with 1 error(s): context deadline exceeded\n";

        var diagnostic = (await h.RunAsync(h.Options with { Resume = true })).ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe("HO5061");
        diagnostic.Message.ShouldContain("external-secrets/external-secrets is pending-install");
        diagnostic.Message.ShouldContain("helm uninstall external-secrets");
        diagnostic.Hint!.ShouldContain("helm history external-secrets --namespace external-secrets");
    }

    /// <summary>A version the chart repository does not have: helm's own "not found", before anything is applied to the cluster.</summary>
    [Fact]
    public async Task Bootstrap_ChartVersionTheRepositoryDoesNotHave_HO5032WithHelmsNotFound()
    {
        await using var h = await BootstrapHarness.StartAsync(editTree: root => BootstrapHarness.Edit(root, "infrastructure/external-secrets/helmrelease.yaml", "version: 0.20.4", "version: 0.20.99"));

        var diagnostic = (await h.RunAsync(Short(h))).ShouldHaveSingleItem(string.Join("\n", h.Progress.Lines));

        diagnostic.Code.ShouldBe("HO5032");
        diagnostic.Message.ShouldContain("chart \"external-secrets\" version \"0.20.99\" not found in https://charts.external-secrets.io repository");
        h.State.Steps[CrdsStep.StepName].Status.ShouldNotBe(StepStatus.Done);
        h.Cluster.Helm.Releases.Keys.ShouldBe([("kube-system", "cilium")]);
    }

    /// <summary>An upgrade left pending over a deployed revision (helm killed mid-upgrade): rolled back to it, then upgraded.</summary>
    [Fact]
    public async Task Bootstrap_ReleaseLeftPendingUpgrade_RolledBackToTheDeployedRevisionThenInstalled()
    {
        await using var h = await BootstrapHarness.StartAsync();
        (await h.RunAsync()).ShouldBeEmpty();
        h.Cluster.Helm.Record("external-secrets", "external-secrets", "pending-upgrade", "external-secrets-0.20.4", "Preparing upgrade");

        (await h.RunAsync()).ShouldBeEmpty(string.Join("\n", h.Progress.Lines));

        h.Cluster.Helm.Repairs.ShouldBe(["rollback external-secrets/external-secrets 1"]);
        h.Cluster.Helm.HistoryOf("external-secrets", "external-secrets").Select(r => r.Status).ShouldBe(["superseded", "superseded", "superseded", "deployed"]);
    }
}
