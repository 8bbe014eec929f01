namespace HomeOps.Core.Talos.Secrets;

/// <summary>
/// The Talos secrets bundle (`talosctl gen secrets`, `talhelper gensecret`): cluster identity, tokens, the
/// secretbox key and the four certificate authorities plus the service-account key. Values are the decoded text
/// (PEM for certificates and keys), not the base64 the YAML file stores.
/// </summary>
public sealed record TalosSecretsBundle
{
    public required string ClusterId { get; init; }

    public required string ClusterSecret { get; init; }

    public required string BootstrapToken { get; init; }

    /// <summary>Only in bundles made for Talos 1.2 and older; kept so such a bundle round-trips.</summary>
    public string? AescbcEncryptionSecret { get; init; }

    public required string SecretboxEncryptionSecret { get; init; }

    public required string TrustdToken { get; init; }

    /// <summary>The certificate authorities and the service-account key (the bundle's certs section).</summary>
    public required TalosCertificates Certs { get; init; }

    /// <summary>Every secret value by its bundle path (cluster.secret, certs.os.key, ...), for redaction.</summary>
    public IEnumerable<KeyValuePair<string, string>> Values()
    {
        IEnumerable<KeyValuePair<string, string?>> all =
        [
            new("cluster.id", ClusterId),
            new("cluster.secret", ClusterSecret),
            new("secrets.bootstraptoken", BootstrapToken),
            new("secrets.aescbcencryptionsecret", AescbcEncryptionSecret),
            new("secrets.secretboxencryptionsecret", SecretboxEncryptionSecret),
            new("trustdinfo.token", TrustdToken),
            new("certs.etcd.crt", Certs.Etcd.Certificate),
            new("certs.etcd.key", Certs.Etcd.Key),
            new("certs.k8s.crt", Certs.K8s.Certificate),
            new("certs.k8s.key", Certs.K8s.Key),
            new("certs.k8saggregator.crt", Certs.K8sAggregator.Certificate),
            new("certs.k8saggregator.key", Certs.K8sAggregator.Key),
            new("certs.k8sserviceaccount.key", Certs.K8sServiceAccount.Key),
            new("certs.os.crt", Certs.Os.Certificate),
            new("certs.os.key", Certs.Os.Key),
        ];
        return all.Where(kv => kv.Value is not null).Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value!));
    }
}
