namespace HomeOps.Core.Talos.Secrets;

/// <summary>The certs section of a Talos secrets bundle: four certificate authorities and the service-account key.</summary>
public sealed record TalosCertificates
{
    public required PemPair Etcd { get; init; }

    public required PemPair K8s { get; init; }

    public required PemPair K8sAggregator { get; init; }

    /// <summary>Only a key: Kubernetes signs service-account tokens with it, no certificate goes with it.</summary>
    public required PemPair K8sServiceAccount { get; init; }

    public required PemPair Os { get; init; }
}
