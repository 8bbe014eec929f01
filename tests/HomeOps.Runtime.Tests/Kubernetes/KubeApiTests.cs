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
        (await api.ListAsync(KubeResource.Namespaces, null, Ct)).Items.Count.ShouldBe(_server.Store.List(_server.Store.Type("", "v1", "namespaces")!, null).Items.Count);
        (await api.IsReadyAsync(Ct)).ShouldBeTrue();
    }

    [Fact]
    public async Task List_Namespaces_EveryObjectTheServerHoldsAndTheListsResourceVersion()
    {
        var list = await _api.ListAsync(KubeResource.Namespaces, null, Ct);

        // What KubeApi returns is what the server holds (whichever namespaces those are), in the server's order.
        var held = _server.Store.List(_server.Store.Type("", "v1", "namespaces")!, null);
        list.Items.Select(n => n["metadata"]!["name"]!.GetValue<string>()).ShouldBe(held.Items.Select(n => n["metadata"]!["name"]!.GetValue<string>()));
        list.ResourceVersion.ShouldBe(held.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture));
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

    private static JsonObject Kustomization(string name, JsonObject spec) => new()
    {
        ["apiVersion"] = "kustomize.toolkit.fluxcd.io/v1",
        ["kind"] = "Kustomization",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
        ["spec"] = spec,
    };

    /// <summary>A Kustomization CRD whose schema knows spec.path (required), spec.prune and spec.interval.</summary>
    private static JsonObject KustomizationCrdWithSchema()
    {
        var crd = FluxCrds.Kustomizations();
        crd["spec"]!["versions"]![0]!["schema"] = JsonNode.Parse("""
            {"openAPIV3Schema": {"type": "object", "properties": {
              "apiVersion": {"type": "string"}, "kind": {"type": "string"}, "metadata": {"type": "object"},
              "spec": {"type": "object", "required": ["path"], "properties": {
                "path": {"type": "string"}, "prune": {"type": "boolean"}, "interval": {"type": "string"}}},
              "status": {"type": "object", "x-kubernetes-preserve-unknown-fields": true}}}}
            """);
        return crd;
    }

    [Fact]
    public async Task Apply_CustomResourceBeforeItsCrdIsServed_NotFoundAndNotRetried()
    {
        _server.Store.CrdNamesAcceptedDelay = TimeSpan.FromMinutes(5);
        await _api.ApplyAsync(KubeResource.CustomResourceDefinitions, FluxCrds.Kustomizations(), "homeops", Ct);

        var e = await Should.ThrowAsync<KubeApiException>(() => _api.ApplyAsync(KubeResource.Kustomizations, Kustomization("apps", new JsonObject { ["path"] = "./apps" }), "homeops", Ct));

        e.StatusCode.ShouldBe(404);
        _server.Requests.Count(r => r.StartsWith("PATCH /apis/kustomize.toolkit.fluxcd.io/", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task Watch_NewCrd_SeesNamesAcceptedThenEstablished()
    {
        var list = await _api.ListAsync(KubeResource.CustomResourceDefinitions, null, Ct);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(TimeSpan.FromSeconds(10));
        var seen = new List<string>();
        var watching = Task.Run(async () =>
        {
            await foreach (var e in _api.WatchAsync(KubeResource.CustomResourceDefinitions, null, list.ResourceVersion, cts.Token))
            {
                var conditions = e.Object["status"]?["conditions"] as JsonArray ?? [];
                seen.Add(string.Join(",", conditions.Select(c => $"{c!["type"]}={c["status"]}")));
                if (seen[^1].Contains("Established=True", StringComparison.Ordinal))
                {
                    break;
                }
            }
        }, cts.Token);

        await _api.ApplyAsync(KubeResource.CustomResourceDefinitions, FluxCrds.Kustomizations(), "homeops", Ct);
        await watching;

        seen.Distinct().Where(s => s.Length > 0).ShouldBe(["NamesAccepted=True,Established=False", "NamesAccepted=True,Established=True"]);
    }

    [Fact]
    public async Task Apply_MalformedCrd_RefusedWithTheServersReasonsAndNothingStored()
    {
        var crd = FluxCrds.Kustomizations();
        crd["spec"]!["versions"]![0]!["storage"] = false;
        ((JsonObject)crd["spec"]!["versions"]![0]!).Remove("schema");

        var e = await Should.ThrowAsync<KubeApiException>(() => _api.ApplyAsync(KubeResource.CustomResourceDefinitions, crd, "homeops", Ct));

        e.StatusCode.ShouldBe(422);
        e.ServerMessage.ShouldStartWith("CustomResourceDefinition.apiextensions.k8s.io \"kustomizations.kustomize.toolkit.fluxcd.io\" is invalid: [");
        e.ServerMessage.ShouldContain("must have exactly one version marked as storage version");
        e.ServerMessage.ShouldContain("spec.versions[0].schema.openAPIV3Schema: Required value: schemas are required");
        (await _api.GetAsync(KubeResource.CustomResourceDefinitions, null, "kustomizations.kustomize.toolkit.fluxcd.io", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Apply_CustomResource_CheckedAgainstItsCrdSchema()
    {
        _server.Store.CrdNamesAcceptedDelay = _server.Store.CrdEstablishDelay = TimeSpan.Zero;
        await _api.ApplyAsync(KubeResource.CustomResourceDefinitions, KustomizationCrdWithSchema(), "homeops", Ct);

        var wrongType = await Should.ThrowAsync<KubeApiException>(() => _api.ApplyAsync(KubeResource.Kustomizations,
            Kustomization("apps", new JsonObject { ["path"] = "./apps", ["prune"] = "yes" }), "homeops", Ct));
        var missing = await Should.ThrowAsync<KubeApiException>(() => _api.ApplyAsync(KubeResource.Kustomizations,
            Kustomization("apps", new JsonObject { ["prune"] = true }), "homeops", Ct));
        var pruned = await _api.ApplyAsync(KubeResource.Kustomizations,
            Kustomization("apps", new JsonObject { ["path"] = "./apps", ["prunee"] = true }), "homeops", Ct);

        wrongType.StatusCode.ShouldBe(422);
        wrongType.ServerMessage.ShouldBe("Kustomization.kustomize.toolkit.fluxcd.io \"apps\" is invalid: spec.prune: Invalid value: \"string\": spec.prune in body must be of type boolean: \"string\"");
        missing.ServerMessage.ShouldBe("Kustomization.kustomize.toolkit.fluxcd.io \"apps\" is invalid: spec.path: Required value");
        pruned["spec"]!.AsObject().Select(p => p.Key).ShouldBe(["path"]);
        pruned["metadata"]!["generation"]!.GetValue<long>().ShouldBe(1);
    }

    [Fact]
    public async Task Apply_BodyOfAnotherKind_Refused()
    {
        var e = await Should.ThrowAsync<KubeApiException>(() => _api.ApplyAsync(KubeResource.Secrets, ConfigMap("a", "1"), "homeops", Ct));

        e.StatusCode.ShouldBe(400);
        e.ServerMessage.ShouldContain("cannot be handled as a Secret");
        (await _api.GetAsync(KubeResource.Secrets, "default", "a", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Apply_SecretWithStringData_ReadBackAsBase64Data()
    {
        var secret = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = new JsonObject { ["name"] = "token", ["namespace"] = "default" },
            ["stringData"] = new JsonObject { ["token"] = "s3cret" },
        };

        await _api.ApplyAsync(KubeResource.Secrets, secret, "homeops", Ct);
        var read = await _api.GetAsync(KubeResource.Secrets, "default", "token", Ct);

        read!["stringData"].ShouldBeNull();
        read["data"]!["token"]!.GetValue<string>().ShouldBe(Convert.ToBase64String("s3cret"u8.ToArray()));
    }
}
