using System.Text.RegularExpressions;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Talos.Pki;
using HomeOps.Core.Talos.Secrets;
using HomeOps.Testing;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Parameters;

namespace HomeOps.Core.Tests.Talos;

public sealed class SecretsBundleGeneratorTests
{
    private static CertificateInfo Cert(string pem) => CertificateInfo.ParsePem(pem)!;

    [Fact]
    public void Generate_SameSeedAndTime_IsByteIdentical()
    {
        SecretsBundleYaml.Write(TestSecrets.Generate("homeops-test-bundle")).ShouldBe(TestSecrets.Yaml);
    }

    [Fact]
    public void Generate_DifferentSeed_DiffersEverywhere()
    {
        var other = TestSecrets.Generate("another-seed");
        var a = TestSecrets.Bundle.Values().ToDictionary();
        foreach (var (key, value) in other.Values())
        {
            value.ShouldNotBe(a[key], key);
        }
    }

    [Theory]
    [InlineData("certs.os", "ED25519 PRIVATE KEY", "O=talos")]
    [InlineData("certs.etcd", "EC PRIVATE KEY", "O=etcd")]
    [InlineData("certs.k8s", "EC PRIVATE KEY", "O=kubernetes")]
    [InlineData("certs.k8saggregator", "EC PRIVATE KEY", "")]
    public void Generate_EachAuthority_HasTalosKeyTypeSubjectAndLifetime(string name, string keyLabel, string subject)
    {
        var pair = Pair(name);
        PemBlock.Decode(pair.Key!)!.Label.ShouldBe(keyLabel);
        var cert = Cert(pair.Certificate!);
        cert.Subject.ToString().ShouldBe(subject);
        cert.Issuer.ToString().ShouldBe(subject);
        cert.Version.ShouldBe(3);
        cert.IsAuthority.ShouldBeTrue();
        cert.CriticalExtensions.ShouldBe([X509Extensions.KeyUsage.Id, X509Extensions.BasicConstraints.Id], ignoreOrder: true);
        cert.KeyUsage.ShouldBe(KeyUsage.DigitalSignature | KeyUsage.KeyCertSign);
        cert.ExtendedKeyUsages.ShouldBe([KeyPurposeID.id_kp_serverAuth.Id, KeyPurposeID.id_kp_clientAuth.Id]);
        cert.NotBefore.ShouldBe(TestSecrets.GeneratedAt.UtcDateTime);
        (cert.NotAfter - cert.NotBefore).ShouldBe(TimeSpan.FromHours(87600));
        cert.Serial.BitLength.ShouldBeLessThanOrEqualTo(128);
        cert.AuthorityKeyIdentifier.ShouldBeNull();
        // Self-signed: the signature verifies with its own key, and the key in the bundle is that key.
        cert.IsSignedBy(cert.PublicKey).ShouldBeTrue();
        PrivateKey.Parse(pair.Key!, out _)!.Matches(cert.PublicKey).ShouldBeTrue();
    }

    [Fact]
    public void Generate_OsAuthority_IsEd25519AndEcAuthoritiesAreP256()
    {
        Cert(TestSecrets.Bundle.Certs.Os.Certificate!).PublicKey.ShouldBeOfType<Ed25519PublicKeyParameters>();
        foreach (var pair in new[] { TestSecrets.Bundle.Certs.Etcd, TestSecrets.Bundle.Certs.K8s, TestSecrets.Bundle.Certs.K8sAggregator })
        {
            var key = (ECPublicKeyParameters)Cert(pair.Certificate!).PublicKey;
            key.PublicKeyParamSet.Id.ShouldBe("1.2.840.10045.3.1.7");
            Cert(pair.Certificate!).SignatureAlgorithm.Algorithm.Id.ShouldBe("1.2.840.10045.4.3.2"); // ecdsa-with-SHA256
        }

        Cert(TestSecrets.Bundle.Certs.Os.Certificate!).SignatureAlgorithm.Algorithm.Id.ShouldBe("1.3.101.112"); // Ed25519
    }

    [Fact]
    public void Generate_Ed25519Key_IsGoPkcs8Encoding()
    {
        var der = PemBlock.Decode(TestSecrets.Bundle.Certs.Os.Key!)!.Der;
        der.Length.ShouldBe(48);
        Convert.ToHexString(der[..16]).ShouldBe("302E020100300506032B657004220420");
    }

    [Fact]
    public void Generate_SubjectKeyIdentifier_IsSha1OfPublicKey()
    {
        var cert = Cert(TestSecrets.Bundle.Certs.K8s.Certificate!);
        var spki = cert.PublicKeyInfo.PublicKey.GetBytes();
        cert.SubjectKeyIdentifier.ShouldBe(System.Security.Cryptography.SHA1.HashData(spki));
    }

    [Fact]
    public void Generate_ServiceAccountKey_IsRsa4096WithoutCertificate()
    {
        TestSecrets.Bundle.Certs.K8sServiceAccount.Certificate.ShouldBeNull();
        var key = PrivateKey.Parse(TestSecrets.Bundle.Certs.K8sServiceAccount.Key!, out _)!;
        key.Algorithm.ShouldBe(KeyAlgorithm.Rsa);
        ((RsaKeyParameters)key.Public).Modulus.BitLength.ShouldBe(4096);
        PemBlock.Decode(TestSecrets.Bundle.Certs.K8sServiceAccount.Key!)!.Label.ShouldBe("RSA PRIVATE KEY");
    }

    [Fact]
    public void Generate_TokensAndSecrets_HaveTalosFormats()
    {
        var b = TestSecrets.Bundle;
        b.BootstrapToken.ShouldMatch("^[a-z0-9]{6}\\.[a-z0-9]{16}$");
        b.TrustdToken.ShouldMatch("^[a-z0-9]{6}\\.[a-z0-9]{16}$");
        b.ClusterId.Length.ShouldBe(44);
        b.ClusterId.ShouldMatch("^[A-Za-z0-9_-]{43}=$");
        Convert.FromBase64String(b.ClusterSecret).Length.ShouldBe(32);
        Convert.FromBase64String(b.SecretboxEncryptionSecret).Length.ShouldBe(32);
        b.AescbcEncryptionSecret.ShouldBeNull();
    }

    [Fact]
    public void Generate_Bundle_PassesInspection()
    {
        var bag = new DiagnosticBag();
        var document = SecretsBundleYaml.Read(TestSecrets.Yaml, "secrets.yaml", bag)!;
        SecretsBundleInspector.Inspect(document, TestSecrets.GeneratedAt.AddDays(1), bag).ShouldNotBeNull();
        bag.Items.ShouldBeEmpty();
    }

    [Fact]
    public void Write_Bundle_UsesTalosctlLayout()
    {
        var lines = TestSecrets.Yaml.Split('\n');
        lines.Where(l => l.Length > 0 && !l.StartsWith(' ')).ShouldBe(["cluster:", "secrets:", "trustdinfo:", "certs:"]);
        Regex.Replace(TestSecrets.Yaml, ": .+", ": V").ShouldBe("""
            cluster:
                id: V
                secret: V
            secrets:
                bootstraptoken: V
                secretboxencryptionsecret: V
            trustdinfo:
                token: V
            certs:
                etcd:
                    crt: V
                    key: V
                k8s:
                    crt: V
                    key: V
                k8saggregator:
                    crt: V
                    key: V
                k8sserviceaccount:
                    key: V
                os:
                    crt: V
                    key: V

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        TestSecrets.Yaml.ShouldContain("crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t");
        TestSecrets.Yaml.ShouldContain("key: LS0tLS1CRUdJTiBFRDI1NTE5IFBSSVZBVEUgS0VZLS0tLS0");
        TestSecrets.Yaml.ShouldContain("key: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0t");
    }

    private static PemPair Pair(string name) => name switch
    {
        "certs.os" => TestSecrets.Bundle.Certs.Os,
        "certs.etcd" => TestSecrets.Bundle.Certs.Etcd,
        "certs.k8s" => TestSecrets.Bundle.Certs.K8s,
        _ => TestSecrets.Bundle.Certs.K8sAggregator,
    };
}
