using HomeOps.Core.Status;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Operations.Status;

/// <summary>
/// 1Password Connect's GET /health, reached through the API server's service proxy
/// (/api/v1/namespaces/onepassword-connect/services/onepassword-connect:8080/proxy/health): Connect's Service is
/// ClusterIP only, and the proxy needs nothing but the kubeconfig (no port-forward, no LoadBalancer, no token: /health
/// is unauthenticated). The Services list (one request, shared with doctor) says whether Connect exists and its port.
/// </summary>
public sealed class OnePasswordConnectSection : IStatusSection
{
    public string Id => OnePasswordConnectStatus.Id;

    public string Title => OnePasswordConnectStatus.Title;

    public IReadOnlyList<KubeResource> Kinds => [KubeResource.Services];

    public async Task<StatusSection> ReadAsync(StatusContext context, CancellationToken cancellationToken)
    {
        var services = await context.Cluster.ReadAsync(KubeResource.Services, cancellationToken).ConfigureAwait(false);
        if (services.Problem is { } problem)
        {
            return StatusSection.CouldNotAsk(Id, Title, problem);
        }

        if (OnePasswordConnectStatus.ApiPort(services.Items) is not { } port)
        {
            return OnePasswordConnectStatus.NotInstalled();
        }

        var endpoint = $"service {OnePasswordConnectStatus.Namespace}/{OnePasswordConnectStatus.ServiceName}:{port}";
        try
        {
            var (status, body) = await context.Cluster.ProxyGetAsync(ProxyTarget.Service(OnePasswordConnectStatus.Namespace, OnePasswordConnectStatus.ServiceName, port), "health", cancellationToken).ConfigureAwait(false);
            return status == 200
                ? OnePasswordConnectStatus.Evaluate(endpoint, body)
                : OnePasswordConnectStatus.Unreachable(endpoint, $"GET /health through the API server's service proxy answered HTTP {status}: {ProxyAnswer.Shorten(body)}");
        }
        catch (KubeApiException e)
        {
            return OnePasswordConnectStatus.Unreachable(endpoint, e.ServerMessage);
        }
    }
}
