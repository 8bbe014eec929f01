namespace HomeOps.Runtime.Kubernetes;

/// <summary>
/// What the API server's proxy subresource forwards a request to: a port of a Service
/// (/api/v1/namespaces/NS/services/NAME:PORT/proxy/PATH) or of a Pod
/// (/api/v1/namespaces/NS/pods/[https:]NAME:PORT/proxy/PATH). The scheme is the one the backend speaks: the API server
/// connects to it as told, so HTTP to an HTTPS port is answered by the backend with a 400.
/// </summary>
public sealed record ProxyTarget(string Namespace, string Resource, string Name, int Port, bool Https = false)
{
    public static ProxyTarget Service(string ns, string name, int port) => new(ns, "services", name, port);

    public static ProxyTarget Pod(string ns, string name, int port, bool https) => new(ns, "pods", name, port, https);

    /// <summary>The path below /api/v1 up to and including "proxy".</summary>
    public string Path => $"namespaces/{Uri.EscapeDataString(Namespace)}/{Resource}/{(Https ? "https:" : string.Empty)}{Uri.EscapeDataString(Name)}:{Port}/proxy";

    public override string ToString() => $"{(Resource == "pods" ? "pod" : "service")} {Namespace}/{Name}:{Port}";
}
