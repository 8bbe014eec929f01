using System.Text.Json.Nodes;
using HomeOps.Operations.Upgrades;

namespace HomeOps.Operations.Tests.Upgrades;

/// <summary>
/// The drain an upgrade runs before a node restarts, against the fake API server's Eviction API and disruption
/// controller: budgets are honoured (one pod at a time when one disruption is allowed, a diagnostic naming the budget
/// and the pod when none is), DaemonSet and mirror pods stay, and the Node is cordoned, then uncordoned.
/// </summary>
public sealed class NodeDrainTests : IAsyncLifetime
{
    private NodeStepHarness _h = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _h = await NodeStepHarness.StartAsync();

    public async ValueTask DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Drain_BudgetAllowingOneDisruption_EvictsOneAtATimeAndFinishes()
    {
        // Three replicas, two of them on mini01; maxUnavailable 1: the second may leave only once the first's
        // replacement is Ready elsewhere.
        _h.AddReplicaSet("web-7d9f", "web", "mini01", "mini01", "mini02");
        _h.AddBudget("web", "web", "maxUnavailable", 1);
        _h.Workloads.StartDelay = TimeSpan.FromMilliseconds(600);

        var diagnostics = await NodeDrain.DrainAsync(_h.Context, "mini01", TimeSpan.FromSeconds(30), Ct);

        diagnostics.ShouldBeEmpty();
        _h.PodsOn("mini01").ShouldBeEmpty();
        var web = _h.Store.List(_h.Pods, "apps").Items.Where(p => p["metadata"]?["labels"]?["app"]?.GetValue<string>() == "web").ToList();
        web.Count.ShouldBe(3);
        web.ShouldAllBe(p => p["spec"]!["nodeName"]!.GetValue<string>() != "mini01");
        _h.Log.ShouldContain(l => l.Contains("waiting to evict apps/web-7d9f-", StringComparison.Ordinal) && l.Contains("PodDisruptionBudget apps/web allows no disruption", StringComparison.Ordinal));
        _h.Log.Count(l => l.StartsWith("mini01: evicted apps/web-7d9f-", StringComparison.Ordinal)).ShouldBe(2);
        _h.IsCordoned("mini01").ShouldBeTrue("a drained node stays cordoned until the upgrade gives it back");
    }

    [Fact]
    public async Task Drain_BudgetAllowingNoDisruption_TimesOutNamingBudgetAndPod()
    {
        _h.AddReplicaSet("solo-5c4b", "solo", "mini01");
        _h.AddBudget("solo", "solo", "minAvailable", 1);

        var diagnostics = await NodeDrain.DrainAsync(_h.Context, "mini01", TimeSpan.FromSeconds(1.5), Ct);

        var d = diagnostics.ShouldHaveSingleItem();
        d.Code.ShouldBe("HO9050");
        d.Message.ShouldContain("pod apps/solo-5c4b-1");
        d.Message.ShouldContain("PodDisruptionBudget apps/solo");
        d.Message.ShouldContain("needs 1 healthy pods and has 1");
        d.Hint!.ShouldContain("kubectl uncordon mini01");
        _h.PodsOn("mini01").Select(p => p["metadata"]!["name"]!.GetValue<string>()).ShouldBe(["solo-5c4b-1"]);
        _h.IsCordoned("mini01").ShouldBeTrue();
    }

    [Fact]
    public async Task Drain_DaemonSetAndMirrorPods_LeftOnTheNode()
    {
        var ds = _h.Store.Create(_h.Store.Type("apps", "v1", "daemonsets")!, "kube-system", new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "cilium", ["namespace"] = "kube-system" },
            ["spec"] = new JsonObject { ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["k8s-app"] = "cilium" } } },
        });
        _h.AddPod("kube-system", "cilium-x2k9p", "mini01", new JsonObject { ["k8s-app"] = "cilium" }, NodeStepHarness.Owner("DaemonSet", ds));
        _h.AddPod("kube-system", "kube-apiserver-mini01", "mini01", annotations: new JsonObject { ["kubernetes.io/config.mirror"] = "abc" });
        _h.AddReplicaSet("web-7d9f", "web", "mini01");

        var diagnostics = await NodeDrain.DrainAsync(_h.Context, "mini01", TimeSpan.FromSeconds(10), Ct);

        diagnostics.ShouldBeEmpty();
        _h.PodsOn("mini01").Select(p => p["metadata"]!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal).ShouldBe(["cilium-x2k9p", "kube-apiserver-mini01"]);
        _h.Log.ShouldContain("mini01: leaving 1 DaemonSet pod(s), their DaemonSet runs them on every node: kube-system/cilium-x2k9p");
        _h.Log.ShouldContain("mini01: leaving 1 mirror pod(s), the kubelet runs them from static manifests: kube-system/kube-apiserver-mini01");
        _h.Store.Evictions.ShouldNotContain(e => e.Pod.StartsWith("kube-system/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DrainThenUncordon_NodeObject_CordonedThenSchedulable()
    {
        var diagnostics = await NodeDrain.DrainAsync(_h.Context, "mini02", TimeSpan.FromSeconds(5), Ct);
        diagnostics.ShouldBeEmpty();
        _h.IsCordoned("mini02").ShouldBeTrue();

        (await NodeDrain.UncordonAsync(_h.Context, "mini02", Ct)).ShouldBeEmpty();

        _h.IsCordoned("mini02").ShouldBeFalse();
        _h.Store.Get(_h.Nodes, null, "mini02")!["spec"]?["unschedulable"].ShouldBeNull("uncordon removes the field, as kubectl does");
        _h.Server.Requests.Count(r => r.StartsWith("PATCH /api/v1/nodes/mini02", StringComparison.Ordinal)).ShouldBe(2);
        _h.Log.ShouldBe(["mini02: cordoned", "mini02: drained (0 pod(s) evicted)", "mini02: uncordoned"]);
    }

    [Fact]
    public async Task Drain_PodSelectedByTwoBudgets_RefusedWithDiagnostic()
    {
        _h.AddReplicaSet("web-7d9f", "web", "mini01", "mini02", "mini03");
        _h.AddBudget("web", "web", "maxUnavailable", 1);
        _h.AddBudget("web-too", "web", "minAvailable", 1);

        var diagnostics = await NodeDrain.DrainAsync(_h.Context, "mini01", TimeSpan.FromSeconds(5), Ct);

        var d = diagnostics.ShouldHaveSingleItem();
        d.Code.ShouldBe("HO9052");
        d.Message.ShouldContain("apps/web-7d9f-1");
        d.Message.ShouldContain("more than one PodDisruptionBudget");
    }

    [Fact]
    public async Task Drain_UnknownNode_NamesTheNodes()
    {
        var d = (await NodeDrain.DrainAsync(_h.Context, "mini09", TimeSpan.FromSeconds(5), Ct)).ShouldHaveSingleItem();

        d.Code.ShouldBe("HO9054");
        d.Message.ShouldBe("Node mini09 is not in the cluster (its nodes: mini01, mini02, mini03)");
    }

    [Fact]
    public async Task Drain_StatefulSetPod_ComesBackUnderItsNameOnAnotherNodeAndTheDrainFinishes()
    {
        var sts = _h.Store.Create(_h.Store.Type("apps", "v1", "statefulsets")!, "apps", new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "mosquitto", ["namespace"] = "apps" },
            ["spec"] = new JsonObject { ["replicas"] = 1, ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = "mosquitto" } } },
        });
        var old = _h.AddPod("apps", "mosquitto-0", "mini01", new JsonObject { ["app"] = "mosquitto" }, NodeStepHarness.Owner("StatefulSet", sts));
        _h.Workloads.StartDelay = TimeSpan.FromMilliseconds(300);

        (await NodeDrain.DrainAsync(_h.Context, "mini01", TimeSpan.FromSeconds(10), Ct)).ShouldBeEmpty();

        var now = _h.Store.Get(_h.Pods, "apps", "mosquitto-0")!;
        now["metadata"]!["uid"]!.GetValue<string>().ShouldNotBe(old["metadata"]!["uid"]!.GetValue<string>());
        now["spec"]!["nodeName"]!.GetValue<string>().ShouldNotBe("mini01");
    }

    [Fact]
    public async Task Drain_EvictedPodHeldByAFinalizer_HO9051NamesThePodAndLeavesTheNodeCordoned()
    {
        _h.AddReplicaSet("web-7d9f", "web", "mini01", "mini02");
        _h.Store.Mutate(_h.Pods, "apps", "web-7d9f-1", p => p["metadata"]!["finalizers"] = new JsonArray("example.com/hold"));

        var diagnostic = (await NodeDrain.DrainAsync(_h.Context, "mini01", TimeSpan.FromSeconds(1), Ct)).ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe("HO9051");
        diagnostic.Message.ShouldBe("Draining mini01 did not finish within 1 s: evicted pod(s) still on the node: apps/web-7d9f-1");
        _h.Store.Get(_h.Pods, "apps", "web-7d9f-1")!["metadata"]!["deletionTimestamp"].ShouldNotBeNull();
        _h.IsCordoned("mini01").ShouldBeTrue();
    }

    [Fact]
    public async Task Drain_CordonForbidden_HO9053NamesTheStepTheNodeAndTheAnswer()
    {
        _h.Server.Faults.FailNext(1, 403, "/api/v1/nodes/mini01", "PATCH",
            "nodes \"mini01\" is forbidden: User \"homeops\" cannot patch resource \"nodes\" in API group \"\" at the cluster scope");

        var diagnostic = (await NodeDrain.DrainAsync(_h.Context, "mini01", TimeSpan.FromSeconds(5), Ct)).ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe("HO9053");
        diagnostic.Message.ShouldStartWith("Cordoning for node mini01 failed: ");
        diagnostic.Message.ShouldContain("cannot patch resource \"nodes\"");
        _h.IsCordoned("mini01").ShouldBeFalse();
    }
}
