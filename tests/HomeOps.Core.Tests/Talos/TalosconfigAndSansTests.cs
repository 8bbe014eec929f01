using System.Text;
using HomeOps.Core.Talos.Documents;
using HomeOps.Core.Talos.Pki;
using HomeOps.Core.Talos.Rendering;
using HomeOps.Testing;
using Org.BouncyCastle.Asn1.X509;

namespace HomeOps.Core.Tests.Talos;

public sealed class TalosconfigAndSansTests
{
    private static string Decode(string? base64) => Encoding.UTF8.GetString(Convert.FromBase64String(base64!));

    [Fact]
    public void ApiServerSans_IncludeVipControlPlanesLoopbackAndExtras()
    {
        var yaml = File.ReadAllText(RepositoryPaths.ClusterFile).Replace("  wipeInstallDisk: true", "  wipeInstallDisk: true\n  apiServerCertSans:\n    - api.k8s.home.example.com\n    - 172.29.51.10", StringComparison.Ordinal);
        var result = TalosTestCluster.Render(TalosTestCluster.Config(yaml), withSecrets: false);
        result.Diagnostics.ShouldBeEmpty();
        SeedSettingsTests.Text(result.Nodes[0].Main.At("cluster.apiServer.certSANs"))
            .ShouldBe("[172.29.51.10, 172.29.51.11, 172.29.51.12, 172.29.51.13, 127.0.0.1, api.k8s.home.example.com]");
    }

    [Fact]
    public void Talosconfig_AdminCertificate_ChainsToTheOsCaAsTalosIssuesIt()
    {
        var context = (DocMap)TalosTestCluster.Rendered.Talosconfig!.At("contexts")!.ShouldBeOfType<DocMap>().Entries.ShouldHaveSingleItem().Value;
        Decode(context.StringAt("ca")).ShouldBe(TestSecrets.Bundle.Certs.Os.Certificate);
        var os = CertificateInfo.ParsePem(TestSecrets.Bundle.Certs.Os.Certificate!)!;
        var admin = CertificateInfo.ParsePem(Decode(context.StringAt("crt")))!;
        admin.IsSignedBy(os.PublicKey).ShouldBeTrue();
        admin.Issuer.ToString().ShouldBe("O=talos");
        admin.Subject.ToString().ShouldBe("O=os:admin");
        admin.IsAuthority.ShouldBeFalse();
        admin.KeyUsage.ShouldBe(KeyUsage.DigitalSignature);
        admin.ExtendedKeyUsages.ShouldBe([KeyPurposeID.id_kp_clientAuth.Id]);
        admin.AuthorityKeyIdentifier.ShouldBe(os.SubjectKeyIdentifier);
        admin.SubjectKeyIdentifier.ShouldBeNull();
        admin.NotBefore.ShouldBe(new DateTime(2025, 8, 1, 0, 0, 0, DateTimeKind.Utc));
        (admin.NotAfter - admin.NotBefore).ShouldBe(TimeSpan.FromHours(8760));
        var key = PrivateKey.Parse(Decode(context.StringAt("key")), out _)!;
        key.Algorithm.ShouldBe(KeyAlgorithm.Ed25519);
        key.Matches(admin.PublicKey).ShouldBeTrue();
    }

    [Fact]
    public void Talosconfig_EndpointsAreControlPlanesNotTheVip()
    {
        var context = (DocMap)((DocMap)TalosTestCluster.Rendered.Talosconfig!["contexts"]!)["home-ops"]!;
        SeedSettingsTests.Text(context["endpoints"]).ShouldBe("[172.29.51.11, 172.29.51.12, 172.29.51.13]");
        TalosTestCluster.Rendered.Talosconfig.StringAt("context").ShouldBe("home-ops");
    }

    [Fact]
    public void Talosconfig_NextMonth_GetsAFreshCertificate()
    {
        var secrets = TalosTestCluster.Secrets();
        var august = TalosconfigBuilder.IssueAdmin(secrets.OsAuthority, new DateTimeOffset(2025, 8, 1, 0, 0, 0, TimeSpan.Zero));
        var again = TalosconfigBuilder.IssueAdmin(secrets.OsAuthority, new DateTimeOffset(2025, 8, 1, 0, 0, 0, TimeSpan.Zero));
        var september = TalosconfigBuilder.IssueAdmin(secrets.OsAuthority, new DateTimeOffset(2025, 9, 1, 0, 0, 0, TimeSpan.Zero));
        again.CertificatePem.ShouldBe(august.CertificatePem);
        september.CertificatePem.ShouldNotBe(august.CertificatePem);
        september.Key.Pem.ShouldNotBe(august.Key.Pem);
    }
}
