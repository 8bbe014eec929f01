using System.Text.Json.Nodes;
using HomeOps.Fakes.Kubernetes;
using HomeOps.Operations.Recovery.Flux;
using HomeOps.Runtime.Files;
using HomeOps.Runtime.Kubernetes;
using HomeOps.Runtime.Processes;
using HomeOps.Testing;

namespace HomeOps.Mcp.Tests;

/// <summary>The live tools against the fake API server (the repository's real Kubernetes client on the other end), and without a cluster.</summary>
public sealed class LiveToolTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LiveTools_WithoutKubeconfig_AnswerWhyAndTheServerKeepsRunning()
    {
        var missing = Path.Combine(Directory.CreateTempSubdirectory("homeops-mcp-").FullName, "kubeconfig");
        await using var client = await McpProcess.StartAsync(RepositoryPaths.Root, ["--kubeconfig", missing]);

        foreach (var (tool, arguments) in new (string, Dictionary<string, object?>)[] { ("status", []), ("kube_list", new() { ["kind"] = "Pod" }), ("events", []) })
        {
            var result = await client.CallToolAsync(tool, arguments, cancellationToken: Token);
            result.IsError.ShouldBe(true, tool);
            McpProcess.Text(result).ShouldContain($"Cannot read the cluster: No kubeconfig: {missing} does not exist (HO6001)");
        }

        var docs = await client.CallToolAsync("diagnostic_docs", new Dictionary<string, object?> { ["code"] = "HO6001" }, cancellationToken: Token);
        docs.IsError.ShouldNotBe(true);
        McpProcess.Text(docs).ShouldContain("### HO6001");
    }

    [Fact]
    public async Task LiveTools_NoKubeconfigAnywhere_SayWhereTheyLooked()
    {
        var folder = Directory.CreateTempSubdirectory("homeops-mcp-").FullName;
        await using var server = await InProcessServer.StartAsync(Context(folder, kubeconfig: null));

        var result = await server.CallAsync("status");

        result.IsError.ShouldBe(true);
        McpProcess.Text(result).ShouldContain("none given (--kubeconfig, KUBECONFIG)");
    }

    [Fact]
    public async Task KubeGetAndList_FakeCluster_ObjectsWithSecretValuesMasked()
    {
        await using var api = await FakeKubeApiServer.StartAsync();
        var folder = Directory.CreateTempSubdirectory("homeops-mcp-").FullName;
        var kubeconfig = FakeKubeconfig.Write(Path.Combine(folder, "kubeconfig"), api.Url.ToString());
        var kube = new KubeClientFactory(TimeProvider.System).Create(kubeconfig);
        await kube.ApplyAsync(KubeResource.Secrets, Json("""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"db","namespace":"default"},"stringData":{"password":"planted-db-password-1"}}"""), "test", Token);
        await kube.ApplyAsync(KubeResource.ConfigMaps, Json("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"app","namespace":"default","labels":{"app":"demo"}},"data":{"LOG_LEVEL":"debug","values.yaml":"admin:\n  password: planted-admin-password-2\n"}}"""), "test", Token);
        await using var server = await InProcessServer.StartAsync(Context(RepositoryPaths.Root, kubeconfig));

        var secret = McpProcess.Text(await server.CallAsync("kube_get", new() { ["kind"] = "Secret", ["name"] = "db" }));
        var configMaps = McpProcess.Text(await server.CallAsync("kube_list", new() { ["kind"] = "configmaps", ["namespace"] = "default", ["labelSelector"] = "app=demo" }));
        var absent = await server.CallAsync("kube_get", new() { ["kind"] = "Secret", ["name"] = "nope" });

        secret.ShouldContain("\"name\": \"db\"");
        secret.ShouldContain("\"password\": \"***\"");
        secret.ShouldNotContain(Convert.ToBase64String("planted-db-password-1"u8.ToArray()));
        configMaps.ShouldContain("\"LOG_LEVEL\": \"debug\"");
        configMaps.ShouldContain("password: ***");
        configMaps.ShouldNotContain("planted-admin-password-2");
        absent.IsError.ShouldBe(true);
        McpProcess.Text(absent).ShouldContain("No Secret 'nope' in namespace default");
        var unknownKind = await Should.ThrowAsync<ModelContextProtocol.McpProtocolException>(() => server.CallAsync("kube_list", new() { ["kind"] = "Widget" }));
        unknownKind.Message.ShouldContain("'kind'");
    }

    [Fact]
    public async Task FluxReconcile_AllowWrite_SetsTheAnnotationFluxReconcileSets()
    {
        await using var api = await FakeKubeApiServer.StartAsync();
        var folder = Directory.CreateTempSubdirectory("homeops-mcp-").FullName;
        var kubeconfig = FakeKubeconfig.Write(Path.Combine(folder, "kubeconfig"), api.Url.ToString());
        var kube = new KubeClientFactory(TimeProvider.System).Create(kubeconfig);
        await ApplyAppsKustomizationAsync(kube);

        await using var readOnly = await InProcessServer.StartAsync(Context(RepositoryPaths.Root, kubeconfig));
        (await readOnly.Client.ListToolsAsync(cancellationToken: Token)).ShouldNotContain(t => t.Name == "flux_reconcile");
        await using var server = await InProcessServer.StartAsync(Context(RepositoryPaths.Root, kubeconfig) with { AllowWrite = true });

        var result = await server.CallAsync("flux_reconcile", new() { ["kind"] = "Kustomization", ["name"] = "apps" });

        result.IsError.ShouldNotBe(true, McpProcess.Text(result));
        var live = await kube.GetAsync(KubeResource.Kustomizations, "flux-system", "apps", Token);
        live!["metadata"]!["annotations"]![FluxObjects.ReconcileRequestedAt]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        live["spec"]!["path"]!.GetValue<string>().ShouldBe("./apps");
    }

    [Fact]
    public async Task PodLogs_FakeCluster_LastLinesWithSecretsMasked_AndTheServersRefusalsNamed()
    {
        await using var api = await FakeKubeApiServer.StartAsync();
        var folder = Directory.CreateTempSubdirectory("homeops-mcp-").FullName;
        var kubeconfig = FakeKubeconfig.Write(Path.Combine(folder, "kubeconfig"), api.Url.ToString());
        var kube = new KubeClientFactory(TimeProvider.System).Create(kubeconfig);
        await kube.ApplyAsync(KubeResource.Namespaces, Json("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"home"}}"""), "test", Token);
        await kube.ApplyAsync(KubeResource.Pods, Json("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"ha-0","namespace":"home"},"spec":{"nodeName":"node-1","containers":[{"name":"app","image":"ha"},{"name":"codeserver","image":"cs"}]}}"""), "test", Token);
        await kube.ApplyAsync(KubeResource.Pods, Json("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"mqtt-0","namespace":"home"},"spec":{"nodeName":"node-2","containers":[{"name":"mosquitto","image":"eclipse-mosquitto"}]}}"""), "test", Token);
        var lines = string.Concat(Enumerable.Range(1, 300).Select(i => $"line {i}\n"));
        api.WriteLog("home", "ha-0", "app", lines + "2026-12-07 db connect postgres://ha:planted-log-password-3@db:5432/ha\n");
        api.WriteLog("home", "mqtt-0", "mosquitto", "opening ipv4 listen socket on port 1883\n");
        await using var server = await InProcessServer.StartAsync(Context(RepositoryPaths.Root, kubeconfig));

        var tail = await server.CallAsync("pod_logs", new() { ["namespace"] = "home", ["pod"] = "ha-0", ["container"] = "app", ["tailLines"] = 5 });
        var single = await server.CallAsync("pod_logs", new() { ["namespace"] = "home", ["pod"] = "mqtt-0" });
        var ambiguous = await server.CallAsync("pod_logs", new() { ["namespace"] = "home", ["pod"] = "ha-0" });
        var missing = await server.CallAsync("pod_logs", new() { ["namespace"] = "home", ["pod"] = "nope" });

        tail.IsError.ShouldNotBe(true, McpProcess.Text(tail));
        McpProcess.Text(tail).ShouldBe("line 297\nline 298\nline 299\nline 300\n2026-12-07 db connect postgres://ha:***@db:5432/ha\n");
        McpProcess.Text(single).ShouldBe("opening ipv4 listen socket on port 1883\n");
        ambiguous.IsError.ShouldBe(true);
        McpProcess.Text(ambiguous).ShouldContain("a container name must be specified for pod ha-0, choose one of: [app codeserver]");
        missing.IsError.ShouldBe(true);
        McpProcess.Text(missing).ShouldContain("not found");
        var badTail = await Should.ThrowAsync<ModelContextProtocol.McpProtocolException>(() => server.CallAsync("pod_logs", new() { ["namespace"] = "home", ["pod"] = "ha-0", ["tailLines"] = 0 }));
        badTail.Message.ShouldContain("'tailLines'");
    }

    [Fact]
    public async Task Doctor_FakeClusterWithoutFlux_SaysWhatIsWrongAndTheExitCode_AndRefusesAnUnknownCheck()
    {
        await using var api = await FakeKubeApiServer.StartAsync();
        var folder = Directory.CreateTempSubdirectory("homeops-mcp-").FullName;
        var kubeconfig = FakeKubeconfig.Write(Path.Combine(folder, "kubeconfig"), api.Url.ToString());
        await using var server = await InProcessServer.StartAsync(Context(RepositoryPaths.Root, kubeconfig));
        var withoutFlux = McpProcess.Text(await server.CallAsync("doctor", new() { ["checks"] = new[] { "flux" } }));
        var kube = new KubeClientFactory(TimeProvider.System).Create(kubeconfig);
        await ApplyAppsKustomizationAsync(kube);

        var result = await server.CallAsync("doctor", new() { ["checks"] = new[] { "flux" } });
        var unknown = await Should.ThrowAsync<ModelContextProtocol.McpProtocolException>(() => server.CallAsync("doctor", new() { ["checks"] = new[] { "flux", "dns" } }));

        var text = McpProcess.Text(result);
        withoutFlux.ShouldContain("Flux is not installed");
        withoutFlux.ShouldNotContain("exit code");
        text.ShouldContain("apps");
        text.ShouldContain("exit code 1: something is unhealthy");
        unknown.Message.ShouldContain("'checks'");
        unknown.Message.ShouldContain("'dns'");
    }

    [Fact]
    public async Task Status_NoTalosconfig_TalosSectionSaysWhereItLooked()
    {
        await using var api = await FakeKubeApiServer.StartAsync();
        var folder = Directory.CreateTempSubdirectory("homeops-mcp-").FullName;
        var kubeconfig = FakeKubeconfig.Write(Path.Combine(folder, "kubeconfig"), api.Url.ToString());
        await using var server = await InProcessServer.StartAsync(Context(folder, kubeconfig));

        var text = McpProcess.Text(await server.CallAsync("status"));

        text.ShouldContain("none given (--talosconfig, TALOSCONFIG)");
    }

    /// <summary>The Flux Kustomization CRD and flux-system/apps (no status: never reconciled), once the fake serves the new CRD.</summary>
    private static async Task ApplyAppsKustomizationAsync(IKubeApi kube)
    {
        await kube.ApplyAsync(KubeResource.CustomResourceDefinitions, FluxCrds.Kustomizations(), "test", Token);
        await kube.ApplyAsync(KubeResource.Namespaces, Json("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"flux-system"}}"""), "test", Token);
        var kustomization = Json("""{"apiVersion":"kustomize.toolkit.fluxcd.io/v1","kind":"Kustomization","metadata":{"name":"apps","namespace":"flux-system"},"spec":{"interval":"10m","path":"./apps","prune":true,"sourceRef":{"kind":"GitRepository","name":"flux-system"}}}""");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await kube.ApplyAsync(KubeResource.Kustomizations, kustomization, "test", Token);
                return;
            }
            catch (KubeApiException) when (attempt < 50)
            {
                await Task.Delay(200, Token); // the fake serves a new CRD after a delay, as kube-apiserver does
            }
        }
    }

    private static McpContext Context(string folder, string? kubeconfig) =>
        new(folder, PhysicalFileSystem.Instance, TimeProvider.System, ProcessCommandRunner.Instance, ProcessCommandRunner.Instance)
        {
            Kubeconfig = kubeconfig,
            Environment = _ => null,
        };

    private static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();
}
