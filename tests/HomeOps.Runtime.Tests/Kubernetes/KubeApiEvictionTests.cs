using System.Text.Json.Nodes;
using HomeOps.Fakes.Kubernetes;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Runtime.Tests.Kubernetes;

/// <summary>
/// The calls a drain and a switchover make (field-selected lists, merge patches of a status subresource, evictions),
/// through the real KubernetesClient against the fake API server, which answers them as the real one does.
/// </summary>
public sealed class KubeApiEvictionTests : IAsyncLifetime
{
    private FakeKubeApiServer _server = null!;
    private string _kubeconfig = null!;
    private IKubeApi _api = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private FakeResourceType Pods => _server.Store.Type("", "v1", "pods")!;

    public async ValueTask InitializeAsync()
    {
        _server = await FakeKubeApiServer.StartAsync();
        _kubeconfig = FakeKubeconfig.Write(Path.Combine(Path.GetTempPath(), $"homeops-kubeconfig-{Guid.NewGuid():N}"), _server.Url.ToString());
        _api = new KubeClientFactory(TimeProvider.System, maxRetries: 2, retryDelay: TimeSpan.FromMilliseconds(10)).Create(_kubeconfig);
    }

    public async ValueTask DisposeAsync()
    {
        (_api as IDisposable)?.Dispose();
        await _server.DisposeAsync();
        File.Delete(_kubeconfig);
    }

    /// <summary>A pod as the kubelet reports it: Running and Ready (a test may write status; the API would take it from the kubelet).</summary>
    private void RunningPod(string name, string node, bool ready = true)
    {
        _server.Store.Create(Pods, "default", new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default", ["labels"] = new JsonObject { ["app"] = "web" } },
            ["spec"] = new JsonObject { ["nodeName"] = node },
        });
        _server.Store.Mutate(Pods, "default", name, p => p["status"] = new JsonObject
        {
            ["phase"] = "Running",
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = ready ? "True" : "False" }),
        });
    }

    private void Budget(int minAvailable) =>
        _server.Store.Create(_server.Store.Type("policy", "v1", "poddisruptionbudgets")!, "default", new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "web" },
            ["spec"] = new JsonObject { ["minAvailable"] = minAvailable, ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = "web" } } },
        });

    [Fact]
    public async Task List_FieldSelectorNodeName_OnlyThatNodesPods()
    {
        RunningPod("a", "mini01");
        RunningPod("b", "mini02");

        var list = await _api.ListAsync(KubeResource.Pods, null, Ct, fieldSelector: "spec.nodeName=mini01");

        list.Items.Select(p => p["metadata"]!["name"]!.GetValue<string>()).ShouldBe(["a"]);
        _server.Requests.ShouldContain(r => r.StartsWith("GET /api/v1/pods?fieldSelector=spec.nodeName%3Dmini01", StringComparison.Ordinal), "one list call, filtered by the server");
    }

    [Fact]
    public async Task List_FieldSelectorTheKindLacks_RefusedAsTheServerDoes()
    {
        var e = await Should.ThrowAsync<KubeApiException>(() => _api.ListAsync(KubeResource.ConfigMaps, null, Ct, fieldSelector: "spec.nodeName=mini01"));

        e.StatusCode.ShouldBe(400);
        e.ServerMessage.ShouldBe("field label not supported: spec.nodeName");
    }

    [Fact]
    public async Task Evict_NoBudget_PodDeleted()
    {
        RunningPod("a", "mini01");

        var answer = await _api.EvictAsync("default", "a", Ct);

        answer.Evicted.ShouldBeTrue();
        _server.Store.Get(Pods, "default", "a").ShouldBeNull();
        _server.Requests.ShouldContain("POST /api/v1/namespaces/default/pods/a/eviction");
    }

    [Fact]
    public async Task Evict_BudgetAllowsNone_TooManyRequestsNamingTheBudgetAndNotRetried()
    {
        RunningPod("a", "mini01");
        Budget(1);

        var answer = await _api.EvictAsync("default", "a", Ct);

        answer.Blocked.ShouldBeTrue();
        answer.Message.ShouldBe("Cannot evict pod as it would violate the pod's disruption budget.");
        answer.Causes.ShouldBe(["The disruption budget web needs 1 healthy pods and has 1 currently"]);
        _server.Requests.Count(r => r.StartsWith("POST ", StringComparison.Ordinal)).ShouldBe(1, "a 429 from the eviction handler is an answer: the drain decides when to ask again");
        _server.Store.Get(Pods, "default", "a").ShouldNotBeNull();
    }

    [Fact]
    public async Task Evict_BudgetAllowsOne_FirstEvictedSecondHeld()
    {
        RunningPod("a", "mini01");
        RunningPod("b", "mini01");
        Budget(1);

        (await _api.EvictAsync("default", "a", Ct)).Evicted.ShouldBeTrue();
        var second = await _api.EvictAsync("default", "b", Ct);

        second.Blocked.ShouldBeTrue();
        var pdb = _server.Store.Get(_server.Store.Type("policy", "v1", "poddisruptionbudgets")!, "default", "web")!;
        pdb["status"]!["disruptionsAllowed"]!.GetValue<int>().ShouldBe(0);
        pdb["status"]!["currentHealthy"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Evict_UnreadyPodWhileBudgetIsMet_DeletedWithoutUsingTheBudget()
    {
        RunningPod("a", "mini01");
        RunningPod("b", "mini01");
        RunningPod("sick", "mini01", ready: false);
        Budget(2);

        (await _api.EvictAsync("default", "sick", Ct)).Evicted.ShouldBeTrue();
        (await _api.EvictAsync("default", "a", Ct)).Blocked.ShouldBeTrue();
    }

    [Fact]
    public async Task Evict_MissingPod_Gone()
    {
        var answer = await _api.EvictAsync("default", "nope", Ct);

        answer.Gone.ShouldBeTrue();
        answer.Message.ShouldBe("pods \"nope\" not found");
    }

    [Fact]
    public async Task Evict_PendingPod_DeletedWithoutLookingAtTheBudget()
    {
        _server.Store.Create(Pods, "default", new JsonObject { ["metadata"] = new JsonObject { ["name"] = "p", ["labels"] = new JsonObject { ["app"] = "web" } }, ["spec"] = new JsonObject() });
        _server.Store.Mutate(Pods, "default", "p", p => p["status"] = new JsonObject { ["phase"] = "Pending" });
        Budget(5);

        (await _api.EvictAsync("default", "p", Ct)).Evicted.ShouldBeTrue();
    }

    [Fact]
    public async Task PatchStatus_StaleResourceVersion_Conflict()
    {
        var nodes = _server.Store.Type("", "v1", "nodes")!;
        var node = _server.Store.Create(nodes, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = "mini01" } });
        var stale = node["metadata"]!["resourceVersion"]!.GetValue<string>();
        await _api.PatchAsync(KubeResource.Nodes, null, "mini01", new JsonObject { ["spec"] = new JsonObject { ["unschedulable"] = true } }, status: false, Ct);

        var e = await Should.ThrowAsync<KubeApiException>(() => _api.PatchAsync(KubeResource.Nodes, null, "mini01",
            new JsonObject { ["metadata"] = new JsonObject { ["resourceVersion"] = stale }, ["status"] = new JsonObject { ["phase"] = "x" } }, status: true, Ct));

        e.StatusCode.ShouldBe(409);
    }

    [Fact]
    public async Task Evict_PodAlreadyTerminating_DeletedWithoutUsingTheBudget()
    {
        RunningPod("a", "mini01");
        Budget(1);
        _server.Store.Mutate(Pods, "default", "a", p => p["metadata"]!["deletionTimestamp"] = "2026-12-07T15:00:00Z");

        (await _api.EvictAsync("default", "a", Ct)).Evicted.ShouldBeTrue();
        _server.Store.Get(Pods, "default", "a").ShouldBeNull();
    }

    [Fact]
    public async Task Delete_PodWithAFinalizer_StaysTerminatingUntilAWriteEmptiesItsFinalizers()
    {
        // kube-apiserver's graceful delete: an object with finalizers gets a deletionTimestamp and stays until the
        // last finalizer is removed; the write that removes it deletes the object.
        RunningPod("a", "mini01");
        _server.Store.Mutate(Pods, "default", "a", p => p["metadata"]!["finalizers"] = new JsonArray("example.com/hold"));

        (await _api.DeleteAsync(KubeResource.Pods, "default", "a", Ct)).ShouldBeTrue();
        var terminating = (await _api.GetAsync(KubeResource.Pods, "default", "a", Ct)).ShouldNotBeNull();
        terminating["metadata"]!["deletionTimestamp"].ShouldNotBeNull();

        await _api.PatchAsync(KubeResource.Pods, "default", "a", new JsonObject { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["x"] = "y" } } }, status: false, Ct);
        (await _api.GetAsync(KubeResource.Pods, "default", "a", Ct)).ShouldNotBeNull();
        await _api.PatchAsync(KubeResource.Pods, "default", "a", new JsonObject { ["metadata"] = new JsonObject { ["finalizers"] = null } }, status: false, Ct);
        (await _api.GetAsync(KubeResource.Pods, "default", "a", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Evict_GetOrOtherMethod_NotAllowed()
    {
        RunningPod("a", "mini01");
        using var http = new HttpClient();

        var response = await http.GetAsync(new Uri(_server.Url, "/api/v1/namespaces/default/pods/a/eviction"), Ct);

        ((int)response.StatusCode).ShouldBe(405);
    }
}
