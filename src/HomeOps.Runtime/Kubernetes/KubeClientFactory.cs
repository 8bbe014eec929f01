using k8s;

namespace HomeOps.Runtime.Kubernetes;

/// <summary>
/// Builds <see cref="IKubeApi"/> clients from a kubeconfig file, optionally aimed at another server address (the
/// bootstrap talks to one node before the API VIP answers). Tests pass <paramref name="rewrite"/> to send every
/// address to the fake API server on 127.0.0.1.
/// </summary>
public sealed class KubeClientFactory(TimeProvider time, Func<Uri, Uri>? rewrite = null, int maxRetries = 6, TimeSpan? retryDelay = null)
{
    public Action<string>? Log { get; init; }

    /// <summary>How long one request may take before it counts as "did not answer" (the client's default is 100 s).</summary>
    public TimeSpan? RequestTimeout { get; init; }

    public IKubeApi Create(string kubeconfigPath, Uri? server = null)
    {
        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfigPath);
        var host = server ?? new Uri(config.Host);
        config.Host = (rewrite?.Invoke(host) ?? host).ToString();
        if (server is not null)
        {
            // The kubeconfig's TLS name is the cluster endpoint; a node address is in the API certificate's SANs.
            config.TlsServerName = null;
        }

        if (RequestTimeout is { } timeout)
        {
            config.HttpClientTimeout = timeout;
        }

        var transport = new PassThroughHandler();
        var client = new k8s.Kubernetes(config, transport);
        return new KubeApi(client, KubeRetry.Create(time, maxRetries, retryDelay, Log), transport);
    }
}

/// <summary>A no-op link in the client's handler chain, so raw requests reuse its TLS settings.</summary>
internal sealed class PassThroughHandler : DelegatingHandler;
