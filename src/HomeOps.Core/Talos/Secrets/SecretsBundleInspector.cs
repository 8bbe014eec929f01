using System.Globalization;
using System.Text.RegularExpressions;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Talos.Pki;

namespace HomeOps.Core.Talos.Secrets;

/// <summary>
/// Checks what Talos would reject or what would break a cluster: malformed tokens and keys, certificates that are
/// not CAs, keys that do not match their certificate, and CAs that expired or are about to.
/// </summary>
public static partial class SecretsBundleInspector
{
    public static readonly TimeSpan ExpiryWarning = TimeSpan.FromDays(90);

    public static LoadedSecrets? Inspect(SecretsBundleDocument document, DateTimeOffset now, DiagnosticBag diagnostics)
    {
        var errors = diagnostics.ErrorCount;
        var bundle = document.Bundle;
        void Invalid(string key, string reason) => diagnostics.Add(DiagnosticCatalog.SecretsBundleValueInvalid.At(document.SpanOf(key), key, reason));

        CheckBase64(bundle.ClusterId, "cluster.id", urlSafe: true, Invalid);
        CheckBase64(bundle.ClusterSecret, "cluster.secret", urlSafe: false, Invalid);
        CheckBase64(bundle.SecretboxEncryptionSecret, "secrets.secretboxencryptionsecret", urlSafe: false, Invalid);
        foreach (var (key, token) in new[] { ("secrets.bootstraptoken", bundle.BootstrapToken), ("trustdinfo.token", bundle.TrustdToken) })
        {
            if (!TokenRegex().IsMatch(token))
            {
                Invalid(key, "is not a token of the form [a-z0-9]{6}.[a-z0-9]{16}");
            }
        }

        IssuedCertificate? os = null;
        foreach (var (name, pair, label) in new[]
        {
            ("certs.os", bundle.Certs.Os, "Talos API (os)"),
            ("certs.etcd", bundle.Certs.Etcd, "etcd"),
            ("certs.k8s", bundle.Certs.K8s, "Kubernetes"),
            ("certs.k8saggregator", bundle.Certs.K8sAggregator, "aggregator"),
        })
        {
            var authority = CheckAuthority(document, name, pair, label, now, diagnostics);
            if (name == "certs.os")
            {
                os = authority;
            }
        }

        if (PrivateKey.Parse(bundle.Certs.K8sServiceAccount.Key ?? string.Empty, out var problem) is null)
        {
            Invalid("certs.k8sserviceaccount.key", problem ?? "is not a private key");
        }

        return diagnostics.ErrorCount > errors || os is null ? null : new LoadedSecrets(bundle, os, document.Path);
    }

    private static IssuedCertificate? CheckAuthority(SecretsBundleDocument document, string name, PemPair pair, string label, DateTimeOffset now, DiagnosticBag diagnostics)
    {
        void Invalid(string key, string reason) => diagnostics.Add(DiagnosticCatalog.SecretsBundleValueInvalid.At(document.SpanOf(key), key, reason));
        var key = PrivateKey.Parse(pair.Key ?? string.Empty, out var problem);
        if (key is null)
        {
            Invalid(name + ".key", problem ?? "is not a private key");
        }

        CertificateInfo? certificate = null;
        var block = PemBlock.Decode(pair.Certificate ?? string.Empty);
        if (block is not { Label: "CERTIFICATE" })
        {
            Invalid(name + ".crt", "is not a PEM certificate");
        }
        else if ((certificate = CertificateInfo.Parse(block.Der)) is null)
        {
            Invalid(name + ".crt", "is not a valid X.509 certificate");
        }

        if (certificate is null || key is null)
        {
            return null;
        }

        if (!certificate.IsAuthority)
        {
            Invalid(name + ".crt", "is not a certificate authority (basic constraints CA:FALSE)");
        }

        if (!key.Matches(certificate.PublicKey))
        {
            diagnostics.Add(DiagnosticCatalog.SecretsBundleKeyMismatch.At(document.SpanOf(name + ".key"), name));
            return null;
        }

        var notAfter = new DateTimeOffset(certificate.NotAfter, TimeSpan.Zero);
        var date = notAfter.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (notAfter <= now)
        {
            diagnostics.Add(DiagnosticCatalog.CertificateExpired.At(document.SpanOf(name + ".crt"), label, date));
        }
        else if (notAfter - now < ExpiryWarning)
        {
            diagnostics.Add(DiagnosticCatalog.CertificateExpiring.At(document.SpanOf(name + ".crt"), label, date, (int)(notAfter - now).TotalDays));
        }

        return new IssuedCertificate(certificate, pair.Certificate!, key);
    }

    private static void CheckBase64(string value, string key, bool urlSafe, Action<string, string> invalid)
    {
        try
        {
            var standard = urlSafe ? value.Replace('-', '+').Replace('_', '/') : value;
            if (Convert.FromBase64String(standard).Length < 16)
            {
                invalid(key, "is shorter than 16 bytes");
            }
        }
        catch (FormatException)
        {
            invalid(key, "is not base64");
        }
    }

    [GeneratedRegex("^[a-z0-9]{6}\\.[a-z0-9]{16}$")]
    private static partial Regex TokenRegex();
}
