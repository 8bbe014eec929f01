using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Polly;

namespace HomeOps.Runtime.Kubernetes;

/// <summary>
/// <see cref="IKubeApi"/> over KubernetesClient's generic custom-object calls (group "" maps to /api/v1, so the
/// same calls serve core kinds). Every request runs through the <see cref="KubeRetry"/> pipeline.
/// <paramref name="transport"/> is a handler inside the client's own chain (TLS and client certificates), used
/// for the one call the generated client lacks: GET /readyz.
/// </summary>
public sealed class KubeApi(k8s.Kubernetes client, ResiliencePipeline pipeline, HttpMessageHandler transport) : IKubeApi, IDisposable
{
    public Uri Server => client.BaseUri;

    public async Task<JsonObject?> GetAsync(KubeResource resource, string? ns, string name, CancellationToken cancellationToken)
    {
        try
        {
            var result = await RunAsync($"get {resource} {name}", ct => resource.Namespaced
                ? client.CustomObjects.GetNamespacedCustomObjectAsync(resource.Group, resource.Version, ns, resource.Plural, name, ct)
                : client.CustomObjects.GetClusterCustomObjectAsync(resource.Group, resource.Version, resource.Plural, name, ct), cancellationToken).ConfigureAwait(false);
            return ToObject(result);
        }
        catch (KubeApiException e) when (e.StatusCode == 404)
        {
            return null;
        }
    }

    public async Task<KubeList> ListAsync(KubeResource resource, string? ns, CancellationToken cancellationToken, string? labelSelector = null, string? fieldSelector = null)
    {
        var result = await RunAsync($"list {resource}", ct => resource.Namespaced && ns is not null
            ? client.CustomObjects.ListNamespacedCustomObjectAsync(resource.Group, resource.Version, ns, resource.Plural, labelSelector: labelSelector, fieldSelector: fieldSelector, cancellationToken: ct)
            : client.CustomObjects.ListClusterCustomObjectAsync(resource.Group, resource.Version, resource.Plural, labelSelector: labelSelector, fieldSelector: fieldSelector, cancellationToken: ct), cancellationToken).ConfigureAwait(false);
        var list = ToObject(result) ?? [];
        // Detach the items from the parsed list instead of cloning them: a copy of every object of a 10,000-object
        // list cost as much as parsing it (benchmarks/status.sh).
        var array = list["items"] as JsonArray;
        var items = array is null ? [] : array.OfType<JsonObject>().ToList();
        array?.Clear();
        var version = list["metadata"]?["resourceVersion"]?.GetValue<string>() ?? string.Empty;
        return new KubeList(items, version);
    }

    public async Task<JsonObject> ApplyAsync(KubeResource resource, JsonObject obj, string fieldManager, CancellationToken cancellationToken)
    {
        var name = obj["metadata"]?["name"]?.GetValue<string>() ?? throw new ArgumentException("The object has no metadata.name", nameof(obj));
        var ns = obj["metadata"]?["namespace"]?.GetValue<string>();
        var patch = new V1Patch(obj.ToJsonString(), V1Patch.PatchType.ApplyPatch);
        var result = await RunAsync($"apply {resource} {name}", ct => resource.Namespaced
            ? client.CustomObjects.PatchNamespacedCustomObjectAsync(patch, resource.Group, resource.Version, ns, resource.Plural, name, fieldManager: fieldManager, force: true, cancellationToken: ct)
            : client.CustomObjects.PatchClusterCustomObjectAsync(patch, resource.Group, resource.Version, resource.Plural, name, fieldManager: fieldManager, force: true, cancellationToken: ct), cancellationToken).ConfigureAwait(false);
        return ToObject(result) ?? [];
    }

    public async Task<JsonObject> PatchAsync(KubeResource resource, string? ns, string name, JsonObject patch, bool status, CancellationToken cancellationToken)
    {
        var body = new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch);
        var result = await RunAsync($"patch {resource}{(status ? "/status" : "")} {name}", ct => (resource.Namespaced, status) switch
        {
            (true, false) => client.CustomObjects.PatchNamespacedCustomObjectAsync(body, resource.Group, resource.Version, ns, resource.Plural, name, cancellationToken: ct),
            (true, true) => client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(body, resource.Group, resource.Version, ns, resource.Plural, name, cancellationToken: ct),
            (false, false) => client.CustomObjects.PatchClusterCustomObjectAsync(body, resource.Group, resource.Version, resource.Plural, name, cancellationToken: ct),
            (false, true) => client.CustomObjects.PatchClusterCustomObjectStatusAsync(body, resource.Group, resource.Version, resource.Plural, name, cancellationToken: ct),
        }, cancellationToken).ConfigureAwait(false);
        return ToObject(result) ?? [];
    }

    public async Task<KubeEviction> EvictAsync(string ns, string pod, CancellationToken cancellationToken)
    {
        var eviction = new V1Eviction
        {
            ApiVersion = "policy/v1",
            Kind = "Eviction",
            Metadata = new V1ObjectMeta { Name = pod, NamespaceProperty = ns },
        };
        var answer = await RunAsync($"evict pod {ns}/{pod}", async ct =>
        {
            try
            {
                await client.CoreV1.CreateNamespacedPodEvictionAsync(eviction, pod, ns, cancellationToken: ct).ConfigureAwait(false);
                return (object)new KubeEviction(201, string.Empty, "evicted", []);
            }
            catch (HttpOperationException e) when (IsEvictionAnswer(e))
            {
                // The eviction handler's refusals are answers (eviction.go): 429 while the budget allows no
                // disruption, 404 for a pod that is gone, 403 for a budget in a bad state, and a bare 500 Status
                // (no reason) when more than one budget selects the pod. Retrying the request at once would not help.
                var (reason, message, causes) = ReadEvictionStatus(e.Response?.Content);
                return new KubeEviction((int)e.Response!.StatusCode, reason, message, causes);
            }
        }, cancellationToken).ConfigureAwait(false);
        return (KubeEviction)answer;
    }

    public async Task<bool> DeleteAsync(KubeResource resource, string? ns, string name, CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync($"delete {resource} {name}", ct => resource.Namespaced
                ? client.CustomObjects.DeleteNamespacedCustomObjectAsync(resource.Group, resource.Version, ns, resource.Plural, name, cancellationToken: ct)
                : client.CustomObjects.DeleteClusterCustomObjectAsync(resource.Group, resource.Version, resource.Plural, name, cancellationToken: ct), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (KubeApiException e) when (e.StatusCode == 404)
        {
            return false;
        }
    }

    public async IAsyncEnumerable<KubeWatchEvent> WatchAsync(KubeResource resource, string? ns, string? resourceVersion, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Exception? failure = null;
        var stream = resource.Namespaced && ns is not null
            ? client.CustomObjects.WatchListNamespacedCustomObjectAsync(resource.Group, resource.Version, ns, resource.Plural, allowWatchBookmarks: true, resourceVersion: resourceVersion, timeoutSeconds: 300, onError: e => failure = e, cancellationToken: cancellationToken)
            : client.CustomObjects.WatchListClusterCustomObjectAsync(resource.Group, resource.Version, resource.Plural, allowWatchBookmarks: true, resourceVersion: resourceVersion, timeoutSeconds: 300, onError: e => failure = e, cancellationToken: cancellationToken);
        await using var enumerator = stream.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            bool moved;
            try
            {
                moved = await enumerator.MoveNextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                throw Translate($"watch {resource}", e);
            }

            if (!moved)
            {
                break;
            }

            var (type, value) = enumerator.Current;
            if (ToObject(value) is { } obj)
            {
                yield return new KubeWatchEvent(type.ToString().ToUpperInvariant(), obj);
            }
        }

        if (failure is KubernetesException { Status.Code: 410 })
        {
            throw new KubeApiException($"watch {resource}", 410, "Expired", failure.Message);
        }
    }

    public async Task<string> ReadPodLogAsync(string ns, string pod, string? container, int tailLines, int limitBytes, bool previous, CancellationToken cancellationToken)
    {
        var text = await RunAsync($"read the log of pod {ns}/{pod}", async ct =>
        {
            using var stream = await client.CoreV1.ReadNamespacedPodLogAsync(pod, ns, container: container, limitBytes: limitBytes, previous: previous, tailLines: tailLines, cancellationToken: ct).ConfigureAwait(false);
            using var reader = new StreamReader(stream);
            return (object)await reader.ReadToEndAsync(ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return (string)text;
    }

    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var http = new HttpClient(transport, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(5) };
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(client.BaseUri, "/readyz"));
            if (client.Credentials is { } credentials)
            {
                await credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
            }

            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public async Task<(int Status, string Body)> ProxyGetAsync(ProxyTarget target, string path, CancellationToken cancellationToken)
    {
        var uri = new Uri(client.BaseUri, $"/api/v1/{target.Path}/{path.TrimStart('/')}");
        try
        {
            using var http = new HttpClient(transport, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(10) };
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            if (client.Credentials is { } credentials)
            {
                await credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
            }

            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new KubeApiException($"proxy GET {uri.AbsolutePath}", 0, string.Empty, e.Message, e);
        }
    }

    public void Dispose() => client.Dispose();

    private async Task<object> RunAsync(string operation, Func<CancellationToken, Task<object>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await pipeline.ExecuteAsync(async ct => await call(ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw Translate(operation, e);
        }
    }

    private static KubeApiException Translate(string operation, Exception e)
    {
        if (e is HttpOperationException http)
        {
            var (reason, message) = ReadStatus(http.Response?.Content);
            return new KubeApiException(operation, (int)(http.Response?.StatusCode ?? 0), reason, message, e);
        }

        var detail = e.InnerException is { } inner && inner.Message != e.Message ? $"{e.Message} ({inner.Message})" : e.Message;
        return new KubeApiException(operation, 0, string.Empty, detail, e);
    }

    private static bool IsEvictionAnswer(HttpOperationException e)
    {
        var code = (int)(e.Response?.StatusCode ?? 0);
        return code is >= 400 and < 500 || (code == 500 && IsStatusWithoutReason(e.Response?.Content));
    }

    private static bool IsStatusWithoutReason(string? content)
    {
        try
        {
            return !string.IsNullOrWhiteSpace(content) && JsonNode.Parse(content) is JsonObject status
                && status["kind"]?.GetValue<string>() == "Status" && string.IsNullOrEmpty(status["reason"]?.GetValue<string>());
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static (string Reason, string Message, IReadOnlyList<string> Causes) ReadEvictionStatus(string? content)
    {
        var (reason, message) = ReadStatus(content);
        IReadOnlyList<string> causes = [];
        try
        {
            if (!string.IsNullOrWhiteSpace(content) && JsonNode.Parse(content)?["details"]?["causes"] is JsonArray array)
            {
                causes = [.. array.Select(c => c?["message"]?.GetValue<string>()).OfType<string>()];
            }
        }
        catch (JsonException)
        {
            // A plain-text body (API priority and fairness answers 429 that way) has no causes.
        }

        return (reason, message, causes);
    }

    private static (string Reason, string Message) ReadStatus(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return (string.Empty, "no response body");
        }

        try
        {
            var status = JsonNode.Parse(content);
            return (status?["reason"]?.GetValue<string>() ?? string.Empty, status?["message"]?.GetValue<string>() ?? content);
        }
        catch (JsonException)
        {
            return (string.Empty, content.Trim());
        }
    }

    private static JsonObject? ToObject(object? value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.Object } element => JsonNode.Parse(element.GetRawText()) as JsonObject,
        JsonObject obj => obj,
        null => null,
        _ => JsonSerializer.SerializeToNode(value) as JsonObject,
    };
}
