using System.Text.RegularExpressions;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Talos.Secrets;
using HomeOps.Testing;

namespace HomeOps.Core.Tests.Talos;

/// <summary>Reading bundles as talosctl and talhelper write them, and what a damaged bundle reports.</summary>
public sealed partial class SecretsBundleFormatTests
{
    private static SecretsBundleDocument? Read(string text, DiagnosticBag? bag = null) => SecretsBundleYaml.Read(text, "secrets.yaml", bag ?? new DiagnosticBag());

    [Fact]
    public void RoundTrip_TalosctlFormat_IsIdentical()
    {
        var read = Read(TestSecrets.Yaml)!.Bundle;
        read.ShouldBe(TestSecrets.Bundle);
        SecretsBundleYaml.Write(read).ShouldBe(TestSecrets.Yaml);
    }

    [Fact]
    public void Read_TalhelperTwoSpaceFormat_GivesTheSameBundle()
    {
        // talhelper gensecret: the same keys and values, indented by 2 spaces.
        var talhelper = IndentRegex().Replace(TestSecrets.Yaml, m => new string(' ', m.Value.Length / 2));
        talhelper.ShouldContain("\n  id: ");
        Read(talhelper)!.Bundle.ShouldBe(TestSecrets.Bundle);
    }

    [Fact]
    public void Read_LegacyAescbcSecret_IsKeptOnRoundTrip()
    {
        var text = TestSecrets.Yaml.Replace("    secretboxencryptionsecret:", "    aescbcencryptionsecret: c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0MTI=\n    secretboxencryptionsecret:", StringComparison.Ordinal);
        var bundle = Read(text)!.Bundle;
        bundle.AescbcEncryptionSecret.ShouldNotBeNull();
        SecretsBundleYaml.Write(bundle).ShouldBe(text);
    }

    [Fact]
    public void Read_UnknownKey_WarnsAtTheKeyAndKeepsTheBundle()
    {
        var bag = new DiagnosticBag();
        var text = TestSecrets.Yaml.Replace("trustdinfo:\n", "trustdinfo:\n    tokenn: abcdef.0123456789abcdef\n", StringComparison.Ordinal);

        var read = Read(text, bag);

        var diagnostic = bag.Items.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("HO2005");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Warning);
        diagnostic.Message.ShouldContain("'trustdinfo.tokenn'");
        diagnostic.Location.Line.ShouldBe(text.Split('\n').ToList().FindIndex(l => l.Contains("tokenn", StringComparison.Ordinal)) + 1);
        read!.Bundle.ShouldBe(TestSecrets.Bundle);
    }

    [Fact]
    public void Read_SopsEncryptedFile_SaysToDecryptFirst()
    {
        var bag = new DiagnosticBag();
        Read("cluster:\n  id: ENC[AES256_GCM,data:abc]\nsops:\n  version: 3.9.0\n", bag).ShouldBeNull();
        bag.Items.ShouldHaveSingleItem().Code.ShouldBe("HO2004");
    }

    [Fact]
    public void Read_MissingValue_NamesIt()
    {
        var bag = new DiagnosticBag();
        Read(Regex.Replace(TestSecrets.Yaml, "    token: .*\n", string.Empty), bag).ShouldBeNull();
        var diagnostic = bag.Items.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("HO2002");
        diagnostic.Message.ShouldContain("trustdinfo.token");
    }

    [Fact]
    public void Inspect_SwappedKeys_IsAMismatch()
    {
        var swapped = TestSecrets.Bundle with { Certs = TestSecrets.Bundle.Certs with { K8s = TestSecrets.Bundle.Certs.K8s with { Key = TestSecrets.Bundle.Certs.Etcd.Key } } };
        var bag = new DiagnosticBag();
        SecretsBundleInspector.Inspect(Read(SecretsBundleYaml.Write(swapped))!, TestSecrets.GeneratedAt, bag).ShouldBeNull();
        var diagnostic = bag.Items.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("HO2006");
        diagnostic.Message.ShouldContain("certs.k8s");
    }

    [Fact]
    public void Inspect_BadToken_PointsAtItsLine()
    {
        var text = TestSecrets.Yaml.Replace(TestSecrets.Bundle.BootstrapToken, "not-a-token", StringComparison.Ordinal);
        var bag = new DiagnosticBag();
        SecretsBundleInspector.Inspect(Read(text)!, TestSecrets.GeneratedAt, bag).ShouldBeNull();
        var diagnostic = bag.Items.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("HO2003");
        diagnostic.Location.Line.ShouldBe(5);
        diagnostic.Message.ShouldNotContain(TestSecrets.Bundle.BootstrapToken);
    }

    [Fact]
    public void Inspect_ExpiryAhead_WarnsAndAfterwardsFails()
    {
        var document = Read(TestSecrets.Yaml)!;
        var soon = new DiagnosticBag();
        SecretsBundleInspector.Inspect(document, TestSecrets.GeneratedAt.AddHours(87600).AddDays(-30), soon).ShouldNotBeNull();
        soon.Items.Count.ShouldBe(4);
        soon.Items.ShouldAllBe(d => d.Code == "HO2008");
        var late = new DiagnosticBag();
        SecretsBundleInspector.Inspect(document, TestSecrets.GeneratedAt.AddHours(87601), late).ShouldBeNull();
        late.Items.ShouldAllBe(d => d.Code == "HO2007");
    }

    [Fact]
    public void Read_TalosTestdataKeys_ParseWithTheirGoEncodings()
    {
        var reference = RepositoryPaths.SharedReference;
        Assert.SkipWhen(reference is null, "../shared/reference is not next to this checkout");
        // Talos's stability fixture: keys and certificates written by Go (Ed25519 PKCS#8, SEC 1 EC, empty aggregator subject).
        var yaml = File.ReadAllText(Path.Combine(reference!, "talos", "v1.10", "controlplane.yaml"));
        string Value(string key) => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(Regex.Match(yaml, $@"(?m)^{Regex.Escape(key)}: (\S+)$").Groups[1].Value));
        Core.Talos.Pki.PrivateKey.Parse(Value("        key"), out _)!.Algorithm.ShouldBe(Core.Talos.Pki.KeyAlgorithm.Ed25519);
        var os = Core.Talos.Pki.CertificateInfo.ParsePem(Value("        crt"))!;
        os.Subject.ToString().ShouldBe("O=talos");
        os.IsSignedBy(os.PublicKey).ShouldBeTrue();
        var aggregator = Core.Talos.Pki.CertificateInfo.ParsePem(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(
            Regex.Match(yaml, @"aggregatorCA:\n\s+crt: (\S+)").Groups[1].Value)))!;
        aggregator.Subject.ToString().ShouldBeEmpty();
        aggregator.IsAuthority.ShouldBeTrue();
    }

    [GeneratedRegex("(?m)^ +")]
    private static partial Regex IndentRegex();
}
