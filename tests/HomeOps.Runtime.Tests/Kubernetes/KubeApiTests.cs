using System.Text.Json.Nodes;
using HomeOps.Fakes.Kubernetes;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Runtime.Tests.Kubernetes;

/// <summary>The real KubernetesClient, through <see cref="KubeApi"/>, against the fake API server over HTTP.</summary>
public sealed class KubeApiTests : IAsyncLifetime
{
    private FakeKubeApiServer _server = null!;
    private string _kubeconfig = null!;
    private IKubeApi _api = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await FakeKubeApiServer.StartAsync();
        _kubeconfig = FakeKubeconfig.Write(Path.Combine(Path.GetTempPath(), $"homeops-kubeconfig-{Guid.NewGuid():N}"), _server.Url.ToString());
        _api = new KubeClientFactory(TimeProvider.System, maxRetries: 6, retryDelay: TimeSpan.FromMilliseconds(20)).Create(_kubeconfig);
    }

    public async ValueTask DisposeAsync()
    {
        (_api as IDisposable)?.Dispose();
        await _server.DisposeAsync();
        File.Delete(_kubeconfig);
    }

    private static JsonObject ConfigMap(string name, string value) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
        ["data"] = new JsonObject { ["key"] = value },
    };

    [Fact]
    public async Task Apply_NewThenChanged_CreatesThenMerges()
    {
        var created = await _api.ApplyAsync(KubeResource.ConfigMaps, ConfigMap("a", "1"), "homeops", Ct);
        var updated = await _api.ApplyAsync(KubeResource.ConfigMaps, ConfigMap("a", "2"), "homeops", Ct);

        created["metadata"]!["uid"].ShouldNotBeNull();
        updated["data"]!["key"]!.GetValue<string>().ShouldBe("2");
        updated["metadata"]!["resourceVersion"]!.GetValue<string>().ShouldNotBe(created["metadata"]!["resourceVersion"]!.GetValue<string>());
        _server.Requests.ShouldContain(r => r.StartsWith("PATCH /api/v1/namespaces/default/configmaps/a?", StringComparison.Ordinal) && r.Contains("fieldManager=homeops", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_Missing_ReturnsNull()
    {
        (await _api.GetAsync(KubeResource.ConfigMaps, "default", "nope", Ct)).ShouldBeNull();
        (await _api.DeleteAsync(KubeResource.ConfigMaps, "default", "nope", Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task Apply_MissingNamespace_FailsWithNotFoundAndNoRetry()
    {
        var obj = ConfigMap("a", "1");
        obj["metadata"]!["namespace"] = "missing";

        var e = await Should.ThrowAsync<KubeApiException>(() => _api.ApplyAsync(KubeResource.ConfigMaps, obj, "homeops", Ct));

        e.StatusCode.ShouldBe(404);
        e.ServerMessage.ShouldBe("namespaces \"missing\" not found");
        _server.Requests.Count(r => r.StartsWith("PATCH", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(429)]
    public async Task Apply_TransientStatus_RetriedUntilSuccess(int code)
    {
        _server.Faults.FailNext(2, code, "configmaps");

        await _api.ApplyAsync(KubeResource.ConfigMaps, ConfigMap("a", "1"), "homeops", Ct);

        _server.Faults.Fired.ShouldBe(2);
        (await _api.GetAsync(KubeResource.ConfigMaps, "default", "a", Ct)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Apply_Conflict_NotRetried()
    {
        _server.Faults.ConflictNext(1, "configmaps");

        var e = await Should.ThrowAsync<KubeApiException>(() => _api.ApplyAsync(KubeResource.ConfigMaps, ConfigMap("a", "1"), "homeops", Ct));

        e.StatusCode.ShouldBe(409);
        _server.Requests.Count(r => r.StartsWith("PATCH", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task Get_DroppedConnection_Retried()
    {
        await _api.ApplyAsync(KubeResource.ConfigMaps, ConfigMap("a", "1"), "homeops", Ct);
        _server.Faults.DropNext(2, "configmaps/a");

        (await _api.GetAsync(KubeResource.ConfigMaps, "default", "a", Ct)).ShouldNotBeNull();
        _server.Faults.Fired.ShouldBe(2);
    }

    [Fact]
    public async Task Get_ApiDownBriefly_RetriedAcrossTheOutage()
    {
        await _server.TakeDownAsync(TimeSpan.FromMilliseconds(300));
        (await _api.IsReadyAsync(Ct)).ShouldBeFalse();

        var api = new KubeClientFactory(TimeProvider.System, maxRetries: 10, retryDelay: TimeSpan.FromMilliseconds(100)).Create(_kubeconfig);
        (await api.ListAsync(KubeResource.Namespaces, null, Ct)).Items.Count.ShouldBe(4);
        (await api.IsReadyAsync(Ct)).ShouldBeTrue();
    }

    [Fact]
    public async Task List_Namespaces_HasDefaultsAndResourceVersion()
    {
        var list = await _api.ListAsync(KubeResource.Namespaces, null, Ct);

        list.Items.Select(n => n["metadata"]!["name"]!.GetValue<string>()).ShouldBe(["default", "kube-node-lease", "kube-public", "kube-system"]);
        long.Parse(list.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Watch_FromListVersion_SeesOnlyLaterChanges()
    {
        await _api.ApplyAsync(KubeResource.ConfigMaps, ConfigMap("before", "1"), "homeops", Ct);
        var list = await _api.ListAsync(KubeResource.ConfigMaps, "default", Ct);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(TimeSpan.FromSeconds(10));
        var seen = new List<string>();
        var watching = Task.Run(async () =>
        {
            await foreach (var e in _api.WatchAsync(KubeResource.ConfigMaps, "default", list.ResourceVersion, cts.Token))
            {
                if (e.Type != "BOOKMARK")
                {
                    seen.Add($"{e.Type} {e.Object["metadata"]!["name"]}");
                    if (seen.Count == 2)
                    {
                        break;
                    }
                }
            }
        }, cts.Token);

        await _api.ApplyAsync(KubeResource.ConfigMaps, ConfigMap("after", "1"), "homeops", Ct);
        await _api.DeleteAsync(KubeResource.ConfigMaps, "default", "after", Ct);
        await watching;

        seen.ShouldBe(["ADDED after", "DELETED after"]);
    }

    [Fact]
    public async Task Apply_CustomResourceAfterCrd_ServedWithStatusSubresource()
    {
        await _api.ApplyAsync(KubeResource.CustomResourceDefinitions, FluxCrds.Kustomizations(), "homeops", Ct);
        var crd = await _api.GetAsync(KubeResource.CustomResourceDefinitions, null, "kustomizations.kustomize.toolkit.fluxcd.io", Ct);
        crd!["status"]!["conditions"]!.AsArray().ShouldContain(c => c!["type"]!.GetValue<string>() == "Established");

        var ks = new JsonObject
        {
            ["apiVersion"] = "kustomize.toolkit.fluxcd.io/v1",
            ["kind"] = "Kustomization",
            ["metadata"] = new JsonObject { ["name"] = "apps", ["namespace"] = "default" },
            ["spec"] = new JsonObject { ["path"] = "./apps" },
            ["status"] = new JsonObject { ["ignored"] = true },
        };
        var created = await _api.ApplyAsync(KubeResource.Kustomizations, ks, "homeops", Ct);

        created["metadata"]!["generation"]!.GetValue<long>().ShouldBe(1);
        created["status"].ShouldBeNull();
    }
}
