using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace HomeOps.Fakes.Kubernetes;

/// <summary>
/// The service proxy (GET /api/v1/namespaces/NS/services/[SCHEME:]NAME[:PORT]/proxy/PATH) as kube-apiserver answers it:
/// 404 when the Service does not exist, 503 "no service port N found" when it has no such port, 503 "no endpoints
/// available" when nothing serves it (no <see cref="ServiceBackends"/> entry), otherwise the backend's answer.
/// Does not model: named target ports, https backends, other methods than GET.
/// </summary>
public sealed partial class FakeKubeApiServer
{
    /// <summary>What serves "NS/NAME:PORT": path (without the leading /) → status and body.</summary>
    public ConcurrentDictionary<string, Func<string, (int Status, string Body)>> ServiceBackends { get; } = new(StringComparer.Ordinal);

    private async Task ProxyAsync(HttpContext context, string ns, string target, string path)
    {
        var parts = target.Split(':');
        var name = parts.Length == 3 ? parts[1] : parts[0];
        var port = parts.Length == 3 ? parts[2] : parts.Length == 2 ? parts[1] : string.Empty;
        var services = Store.Type("", "v1", "services")!;
        var service = Store.Get(services, ns, name) ?? throw new FakeKubeException(KubeStatus.NotFound(services, name));
        var ports = service["spec"]?["ports"] as JsonArray ?? [];
        var match = ports.OfType<JsonObject>().FirstOrDefault(p => port.Length == 0 || p["port"]?.ToJsonString() == port || p["name"]?.GetValue<string>() == port);
        if (match is null)
        {
            throw new FakeKubeException(KubeStatus.Failure(503, "ServiceUnavailable", $"no service port {port} found for service \"{name}\""));
        }

        var key = $"{ns}/{name}:{match["port"]!.ToJsonString()}";
        if (!ServiceBackends.TryGetValue(key, out var backend))
        {
            throw new FakeKubeException(KubeStatus.Failure(503, "ServiceUnavailable", $"no endpoints available for service \"{name}\""));
        }

        var (status, body) = backend(path);
        context.Response.StatusCode = status;
        context.Response.ContentType = body.StartsWith('{') ? "application/json" : "text/plain; charset=utf-8";
        await context.Response.WriteAsync(body).ConfigureAwait(false);
    }
}
