using HomeOps.Core.Talos.Pki;

namespace HomeOps.Core.Talos.Secrets;

/// <summary>One certificate authority of a bundle, described without its secrets.</summary>
public sealed record AuthoritySummary(string Name, string KeyAlgorithm, string Subject, DateTime NotBefore, DateTime NotAfter);

/// <summary>What `homeops talos secrets show` prints: the authorities and key types of a checked bundle, no secret.</summary>
public sealed record SecretsBundleSummary(IReadOnlyList<AuthoritySummary> Authorities, string ServiceAccountKeyAlgorithm)
{
    /// <summary>Describes a bundle that loaded without errors (its PEM values parse).</summary>
    public static SecretsBundleSummary Of(TalosSecretsBundle bundle)
    {
        var authorities = new[] { ("os (Talos API)", bundle.Certs.Os), ("etcd", bundle.Certs.Etcd), ("k8s", bundle.Certs.K8s), ("k8s aggregator", bundle.Certs.K8sAggregator) }
            .Select(a =>
            {
                var certificate = CertificateInfo.ParsePem(a.Item2.Certificate!)!;
                var key = PrivateKey.Parse(a.Item2.Key!, out _)!;
                return new AuthoritySummary(a.Item1, key.Algorithm.ToString(), certificate.Subject.ToString(), certificate.NotBefore, certificate.NotAfter);
            });
        return new SecretsBundleSummary([.. authorities], PrivateKey.Parse(bundle.Certs.K8sServiceAccount.Key!, out _)!.Algorithm.ToString());
    }
}
