using HomeOps.Core.Crypto;
using HomeOps.Core.Talos.Pki;

namespace HomeOps.Core.Talos.Secrets;

/// <summary>
/// Generates a bundle as `talosctl gen secrets` does for Talos v1.10: one "now" for every CA, Ed25519 OS CA,
/// ECDSA P-256 etcd, Kubernetes and aggregator CAs (the last with an empty subject), an RSA-4096 service-account key,
/// 32-byte cluster id (URL-safe base64) and secrets (standard base64), and kubeadm-style 6.16 tokens.
/// </summary>
public sealed class SecretsBundleGenerator(IRandomSource random, TimeProvider time)
{
    private const string TokenAlphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

    public TalosSecretsBundle Generate()
    {
        var now = time.GetUtcNow();
        var os = CertificateIssuer.SelfSignedAuthority(PrivateKey.GenerateEd25519(random), TalosPkiPolicy.OsOrganization, now, TalosPkiPolicy.CaValidity, random);
        var etcd = CertificateIssuer.SelfSignedAuthority(PrivateKey.GenerateEcdsaP256(random), TalosPkiPolicy.EtcdOrganization, now, TalosPkiPolicy.CaValidity, random);
        var k8s = CertificateIssuer.SelfSignedAuthority(PrivateKey.GenerateEcdsaP256(random), TalosPkiPolicy.KubernetesOrganization, now, TalosPkiPolicy.CaValidity, random);
        // Talos passes CommonName("front-proxy") but only Organization is copied into the subject, which leaves it empty.
        var aggregator = CertificateIssuer.SelfSignedAuthority(PrivateKey.GenerateEcdsaP256(random), organization: null, now, TalosPkiPolicy.CaValidity, random);
        var serviceAccount = PrivateKey.GenerateRsa(random, TalosPkiPolicy.ServiceAccountRsaBits);
        return new TalosSecretsBundle
        {
            ClusterId = Convert.ToBase64String(Bytes(32)).Replace('+', '-').Replace('/', '_'),
            ClusterSecret = Convert.ToBase64String(Bytes(32)),
            BootstrapToken = Token(),
            SecretboxEncryptionSecret = Convert.ToBase64String(Bytes(32)),
            TrustdToken = Token(),
            Certs = new TalosCertificates
            {
                Etcd = new PemPair(etcd.CertificatePem, etcd.Key.Pem),
                K8s = new PemPair(k8s.CertificatePem, k8s.Key.Pem),
                K8sAggregator = new PemPair(aggregator.CertificatePem, aggregator.Key.Pem),
                K8sServiceAccount = new PemPair(null, serviceAccount.Pem),
                Os = new PemPair(os.CertificatePem, os.Key.Pem),
            },
        };
    }

    private byte[] Bytes(int count)
    {
        var buffer = new byte[count];
        random.Fill(buffer);
        return buffer;
    }

    /// <summary>[a-z0-9]{6}.[a-z0-9]{16}; bytes of 252 and above are redrawn so every character is equally likely.</summary>
    private string Token() => Characters(6) + "." + Characters(16);

    private string Characters(int count)
    {
        var chars = new char[count];
        var one = new byte[1];
        for (var i = 0; i < count;)
        {
            random.Fill(one);
            if (one[0] >= 252)
            {
                continue;
            }

            chars[i++] = TokenAlphabet[one[0] % TokenAlphabet.Length];
        }

        return new string(chars);
    }
}
