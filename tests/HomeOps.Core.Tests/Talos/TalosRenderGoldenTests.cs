using System.Security.Cryptography;
using System.Text;
using HomeOps.Core.Talos.Documents;
using HomeOps.Testing;

namespace HomeOps.Core.Tests.Talos;

/// <summary>
/// Golden files of every rendered document of the bundled cluster. The goldens show secrets as &lt;secret:NAME&gt;
/// (no key material in the repository); the exact bytes, secrets included, are pinned by their SHA-256.
/// </summary>
public sealed class TalosRenderGoldenTests
{
    private const string Folder = "tests/HomeOps.Core.Tests/Talos/Golden";

    [Fact]
    public void Render_BundledCluster_HasNoDiagnostics()
    {
        TalosTestCluster.Rendered.Diagnostics.ShouldBeEmpty();
        TalosTestCluster.Rendered.Nodes.Select(n => n.FileName).ShouldBe(["home-ops-mini01.yaml", "home-ops-mini02.yaml", "home-ops-mini03.yaml"]);
    }

    [Theory]
    [InlineData("home-ops-mini01.yaml")]
    [InlineData("home-ops-mini02.yaml")]
    [InlineData("home-ops-mini03.yaml")]
    [InlineData("talosconfig")]
    public void Render_BundledCluster_MatchesGolden(string file)
    {
        var redacted = TalosTestCluster.Rendered.Files(SecretHandling.Redact).Single(f => f.Key == file).Value;
        Golden.Assert(redacted, $"{Folder}/{file}");
    }

    [Fact]
    public void Render_BundledCluster_FullOutputMatchesPinnedHashes()
    {
        var hashes = new StringBuilder();
        foreach (var (name, content) in TalosTestCluster.Rendered.Files(SecretHandling.Include))
        {
            hashes.Append(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)))).Append("  ").Append(name).Append('\n');
        }

        Golden.Assert(hashes.ToString(), $"{Folder}/SHA256SUMS");
    }

    [Fact]
    public void Render_SameInputs_IsByteIdentical()
    {
        var again = TalosTestCluster.Render();
        again.Files(SecretHandling.Include).ShouldBe(TalosTestCluster.Rendered.Files(SecretHandling.Include));
    }

    [Fact]
    public void Render_SecretsIncluded_EverySecretLandsWhereTalosPutsIt()
    {
        var bundle = TestSecrets.Bundle;
        var main = TalosTestCluster.Rendered.Nodes[0].Main;
        static string B64(string? pem) => Convert.ToBase64String(Encoding.UTF8.GetBytes(pem!));
        main.StringAt("machine.token").ShouldBe(bundle.TrustdToken);
        main.StringAt("machine.ca.crt").ShouldBe(B64(bundle.Certs.Os.Certificate));
        main.StringAt("machine.ca.key").ShouldBe(B64(bundle.Certs.Os.Key));
        main.StringAt("cluster.id").ShouldBe(bundle.ClusterId);
        main.StringAt("cluster.secret").ShouldBe(bundle.ClusterSecret);
        main.StringAt("cluster.token").ShouldBe(bundle.BootstrapToken);
        main.StringAt("cluster.secretboxEncryptionSecret").ShouldBe(bundle.SecretboxEncryptionSecret);
        main.StringAt("cluster.ca.crt").ShouldBe(B64(bundle.Certs.K8s.Certificate));
        main.StringAt("cluster.ca.key").ShouldBe(B64(bundle.Certs.K8s.Key));
        main.StringAt("cluster.aggregatorCA.crt").ShouldBe(B64(bundle.Certs.K8sAggregator.Certificate));
        main.StringAt("cluster.aggregatorCA.key").ShouldBe(B64(bundle.Certs.K8sAggregator.Key));
        main.StringAt("cluster.serviceAccount.key").ShouldBe(B64(bundle.Certs.K8sServiceAccount.Key));
        main.StringAt("cluster.etcd.ca.crt").ShouldBe(B64(bundle.Certs.Etcd.Certificate));
        main.StringAt("cluster.etcd.ca.key").ShouldBe(B64(bundle.Certs.Etcd.Key));
    }

    [Fact]
    public void Render_RedactedOutput_ContainsNoSecretValue()
    {
        var redacted = string.Concat(TalosTestCluster.Rendered.Files(SecretHandling.Redact).Select(f => f.Value));
        foreach (var (name, value) in TestSecrets.Bundle.Values())
        {
            redacted.ShouldNotContain(value, customMessage: name);
            redacted.ShouldNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(value)), customMessage: name);
        }
    }

    [Fact]
    public void Render_WithoutSecrets_CannotBeWritten()
    {
        var structural = TalosTestCluster.Render(withSecrets: false);
        structural.Diagnostics.ShouldBeEmpty();
        structural.HasSecrets.ShouldBeFalse();
        Should.Throw<InvalidOperationException>(() => structural.Files(SecretHandling.Include));
        structural.Files(SecretHandling.Redact).Select(f => f.Key).ShouldBe(["home-ops-mini01.yaml", "home-ops-mini02.yaml", "home-ops-mini03.yaml"]);
    }
}
