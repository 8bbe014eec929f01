using System.Text.Json.Nodes;

namespace HomeOps.Runtime.Kubernetes;

/// <summary>
/// The narrow slice of the Kubernetes API HomeOps uses. Objects are plain JSON so one interface serves built-in
/// kinds and custom resources alike. Every call retries transient failures (connection refused, 429, 5xx) and
/// nothing else; a missing object is null, not an exception.
/// </summary>
public interface IKubeApi
{
    /// <summary>The server this client talks to, for messages.</summary>
    Uri Server { get; }

    Task<JsonObject?> GetAsync(KubeResource resource, string? ns, string name, CancellationToken cancellationToken);

    /// <summary>
    /// Objects of one kind (in <paramref name="ns"/>, or everywhere when null), filtered on the server by
    /// <paramref name="labelSelector"/> and <paramref name="fieldSelector"/> (e.g. <c>spec.nodeName=mini01</c> for pods).
    /// </summary>
    Task<KubeList> ListAsync(KubeResource resource, string? ns, CancellationToken cancellationToken, string? labelSelector = null, string? fieldSelector = null);

    /// <summary>
    /// JSON merge patch (RFC 7386) of one object, or of its status subresource when <paramref name="status"/>;
    /// a <c>metadata.resourceVersion</c> in the patch makes it conditional (409 when the object changed since).
    /// </summary>
    Task<JsonObject> PatchAsync(KubeResource resource, string? ns, string name, JsonObject patch, bool status, CancellationToken cancellationToken);

    /// <summary>
    /// Asks the API server to evict a pod (POST pods/NAME/eviction, policy/v1 Eviction), which honours the pod's
    /// PodDisruptionBudget. A refusal is an answer, not an exception: 429 while the budget allows no disruption,
    /// 404 when the pod is gone, 500 when several budgets select the pod. Unreachable or failing servers throw
    /// <see cref="KubeApiException"/> after the usual retries.
    /// </summary>
    Task<KubeEviction> EvictAsync(string ns, string pod, CancellationToken cancellationToken);

    /// <summary>Server-side apply: creates the object or merges the fields this manager owns.</summary>
    Task<JsonObject> ApplyAsync(KubeResource resource, JsonObject obj, string fieldManager, CancellationToken cancellationToken);

    /// <summary>Deletes the object; false when it did not exist.</summary>
    Task<bool> DeleteAsync(KubeResource resource, string? ns, string name, CancellationToken cancellationToken);

    /// <summary>
    /// Changes to objects of one kind after <paramref name="resourceVersion"/> (or all current ones as ADDED when
    /// null), until the server closes the stream or the token is cancelled.
    /// </summary>
    IAsyncEnumerable<KubeWatchEvent> WatchAsync(KubeResource resource, string? ns, string? resourceVersion, CancellationToken cancellationToken);

    /// <summary>
    /// The last <paramref name="tailLines"/> lines a container wrote (GET pods/NAME/log), at most
    /// <paramref name="limitBytes"/> bytes; <paramref name="previous"/> reads the run before the last restart.
    /// A pod with several containers needs <paramref name="container"/>; the server's refusal says which exist.
    /// </summary>
    Task<string> ReadPodLogAsync(string ns, string pod, string? container, int tailLines, int limitBytes, bool previous, CancellationToken cancellationToken);

    /// <summary>
    /// GET <paramref name="path"/> of a Service or Pod port through the API server's proxy (<see cref="ProxyTarget"/>),
    /// so a workstation reaches a ClusterIP Service or a pod's status port with the kubeconfig's credentials alone.
    /// Answers the HTTP status and body; throws <see cref="KubeApiException"/> only when the API server itself cannot be
    /// reached (status 0).
    /// </summary>
    Task<(int Status, string Body)> ProxyGetAsync(ProxyTarget target, string path, CancellationToken cancellationToken);

    /// <summary>True when GET /readyz answers 200. Never throws for an unreachable server: that is "not ready".</summary>
    Task<bool> IsReadyAsync(CancellationToken cancellationToken);
}
