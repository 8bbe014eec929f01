using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace HomeOps.Fakes.Kubernetes;

/// <summary>
/// The proxy subresource as kube-apiserver answers it.
/// Services (GET /api/v1/namespaces/NS/services/[SCHEME:]NAME[:PORT]/proxy/PATH): 404 when the Service does not exist,
/// 503 "no service port N found" when it has no such port, 503 "no endpoints available" when nothing serves it (no
/// <see cref="ServiceBackends"/> entry), otherwise the backend's answer.
/// Pods (GET .../pods/[SCHEME:]NAME[:PORT]/proxy/PATH), as pkg/registry/core/pod/strategy.go ResourceLocation decides:
/// 404 when the Pod does not exist, 400 "address not allowed" while it has no status.podIP, 503 "error trying to reach
/// service: ... connection refused" when nothing listens on the port (no <see cref="PodBackends"/> entry); a backend
/// that speaks HTTPS answers a plain-HTTP request with Go net/http's 400 "Client sent an HTTP request to an HTTPS
/// server.", and an HTTP backend fails an https: request's TLS handshake (503).
/// Does not model: named target ports, https service backends, other methods than GET, a port taken from the pod's
/// first container port when the request names none.
/// </summary>
public sealed partial class FakeKubeApiServer
{
    /// <summary>What serves "NS/NAME:PORT": path (without the leading /) → status and body.</summary>
    public ConcurrentDictionary<string, Func<string, (int Status, string Body)>> ServiceBackends { get; } = new(StringComparer.Ordinal);

    /// <summary>What listens on "NS/POD:PORT": whether it speaks HTTPS, and path (without the leading /) → status and body.</summary>
    public ConcurrentDictionary<string, (bool Https, Func<string, (int Status, string Body)> Answer)> PodBackends { get; } = new(StringComparer.Ordinal);

    private async Task PodProxyAsync(HttpContext context, string ns, string target, string path)
    {
        var parts = target.Split(':');
        var https = parts.Length == 3 && parts[0] == "https";
        var name = parts.Length == 3 ? parts[1] : parts[0];
        var port = parts.Length == 3 ? parts[2] : parts.Length == 2 ? parts[1] : string.Empty;
        var pods = Store.Type("", "v1", "pods")!;
        var pod = Store.Get(pods, ns, name) ?? throw new FakeKubeException(KubeStatus.NotFound(pods, name));
        var ip = pod["status"]?["podIP"]?.GetValue<string>();
        if (string.IsNullOrEmpty(ip))
        {
            throw new FakeKubeException(KubeStatus.Failure(400, "BadRequest", "address not allowed"));
        }

        if (!PodBackends.TryGetValue($"{ns}/{name}:{port}", out var backend))
        {
            throw new FakeKubeException(KubeStatus.Failure(503, "ServiceUnavailable", $"error trying to reach service: dial tcp {ip}:{port}: connect: connection refused"));
        }

        var (status, body) = backend.Https == https
            ? backend.Answer(path)
            : backend.Https
                ? (400, "Client sent an HTTP request to an HTTPS server.\n")
                : throw new FakeKubeException(KubeStatus.Failure(503, "ServiceUnavailable", "error trying to reach service: tls: first record does not look like a TLS handshake"));
        context.Response.StatusCode = status;
        context.Response.ContentType = body.StartsWith('{') ? "application/json" : "text/plain; charset=utf-8";
        await context.Response.WriteAsync(body).ConfigureAwait(false);
    }

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
