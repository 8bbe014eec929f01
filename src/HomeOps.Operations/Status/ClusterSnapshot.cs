using System.Collections.Concurrent;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Status;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Operations.Status;

/// <summary>
/// The cluster as status reads it: one list request per kind, however many sections (or doctor checks) need that
/// kind, so a run costs O(kinds) API requests whatever the number of objects. Requests for different kinds run
/// concurrently. A failure becomes a <see cref="KindRead.Problem"/> (one clear line), never an exception.
/// </summary>
public sealed class ClusterSnapshot
{
    private readonly IKubeApi? _api;
    private readonly StatusFinding? _unavailable;
    private readonly ConcurrentDictionary<KubeResource, Lazy<Task<KindRead>>> _reads = new();
    private int _requests;
    private int _proxyRequests;

    public ClusterSnapshot(IKubeApi api) => _api = api;

    private ClusterSnapshot(StatusFinding unavailable) => _unavailable = unavailable;

    /// <summary>A snapshot that asks nothing: every read answers why the cluster cannot be asked (no kubeconfig, say).</summary>
    public static ClusterSnapshot Unavailable(StatusFinding why) => new(why);

    /// <summary>The API client, or null when the cluster cannot be asked.</summary>
    public IKubeApi? Api => _api;

    /// <summary>Why the cluster cannot be asked at all, when it cannot.</summary>
    public StatusFinding? UnavailableReason => _unavailable;

    /// <summary>List requests sent so far (one per kind read).</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Requests sent through the API server's proxy (1Password Connect's /health, each CNPG primary's /pg/status).</summary>
    public int ProxyRequests => Volatile.Read(ref _proxyRequests);

    /// <summary>The kinds read, as "plural.group".</summary>
    public IReadOnlyList<string> KindsRead => [.. _reads.Keys.Select(k => k.ToString()).Order(StringComparer.Ordinal)];

    public Task<KindRead> ReadAsync(KubeResource resource, CancellationToken cancellationToken) =>
        _reads.GetOrAdd(resource, r => new Lazy<Task<KindRead>>(() => ListAsync(r, cancellationToken))).Value;

    public async Task<IReadOnlyList<KindRead>> ReadAllAsync(IEnumerable<KubeResource> resources, CancellationToken cancellationToken) =>
        await Task.WhenAll(resources.Distinct().Select(r => ReadAsync(r, cancellationToken))).ConfigureAwait(false);

    /// <summary>GET a path of a Service or Pod port through the API server (see <see cref="IKubeApi.ProxyGetAsync"/>).</summary>
    public Task<(int Status, string Body)> ProxyGetAsync(ProxyTarget target, string path, CancellationToken cancellationToken)
    {
        if (_api is null)
        {
            throw new InvalidOperationException("The cluster cannot be asked: read a kind first, its Problem says why.");
        }

        Interlocked.Increment(ref _proxyRequests);
        return _api.ProxyGetAsync(target, path, cancellationToken);
    }

    private async Task<KindRead> ListAsync(KubeResource resource, CancellationToken cancellationToken)
    {
        if (_api is null)
        {
            return new KindRead(resource, [], _unavailable);
        }

        Interlocked.Increment(ref _requests);
        try
        {
            var list = await _api.ListAsync(resource, null, cancellationToken).ConfigureAwait(false);
            return new KindRead(resource, list.Items);
        }
        catch (KubeApiException e)
        {
            return new KindRead(resource, [], Classify(resource, e));
        }
    }

    private StatusFinding Classify(KubeResource resource, KubeApiException e) => e.StatusCode switch
    {
        0 => StatusFindings.From(DiagnosticCatalog.KubeApiUnreachable, Health.Unknown, _api!.Server, e.ServerMessage),
        401 => StatusFindings.From(DiagnosticCatalog.KubeApiUnauthorized, Health.Unknown, _api!.Server, e.ServerMessage),
        403 => StatusFindings.From(DiagnosticCatalog.KubeApiForbidden, Health.Unknown, resource, e.ServerMessage),
        404 => StatusFindings.From(DiagnosticCatalog.ComponentNotInstalled, Health.Absent, Component(resource), resource),
        _ => StatusFindings.From(DiagnosticCatalog.KubeListFailed, Health.Unknown, resource, e.Message),
    };

    /// <summary>The component that serves a kind, for "Longhorn is not installed".</summary>
    private static string Component(KubeResource resource) => resource.Group switch
    {
        "longhorn.io" => "Longhorn",
        "postgresql.cnpg.io" => "CloudNativePG",
        "barmancloud.cnpg.io" => "the Barman Cloud plugin",
        "cilium.io" => "Cilium",
        "cert-manager.io" => "cert-manager",
        "external-secrets.io" => "External Secrets",
        var g when g.EndsWith("toolkit.fluxcd.io", StringComparison.Ordinal) => "Flux",
        var g => g.Length == 0 ? "the core API" : g,
    };
}
