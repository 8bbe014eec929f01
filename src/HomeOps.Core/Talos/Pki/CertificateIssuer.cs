using HomeOps.Core.Crypto;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.X509.Extension;

namespace HomeOps.Core.Talos.Pki;

/// <summary>
/// Issues certificates with the fields Talos v1.10 (siderolabs/crypto x509, Go 1.24 crypto/x509) gives them:
/// random 128-bit serial, NotBefore = now, critical KeyUsage, ExtKeyUsage, critical BasicConstraints on CAs,
/// SHA-1 subject key identifier on CAs and the issuer's key identifier on leaves.
/// </summary>
public static class CertificateIssuer
{
    /// <summary>A self-signed CA, as secrets.NewBundle makes the os, etcd, k8s and aggregator CAs.</summary>
    /// <param name="organization">The subject's O; null gives the empty subject Talos gives the aggregator CA.</param>
    public static IssuedCertificate SelfSignedAuthority(PrivateKey key, string? organization, DateTimeOffset now, TimeSpan validity, IRandomSource random)
    {
        var name = Name(organization);
        var generator = Start(name, name, key, now, validity, random);
        generator.Add(X509Extensions.KeyUsage, critical: true, new KeyUsage(KeyUsage.DigitalSignature | KeyUsage.KeyCertSign));
        generator.Add(X509Extensions.ExtendedKeyUsage, critical: false, new ExtendedKeyUsage(KeyPurposeID.id_kp_serverAuth, KeyPurposeID.id_kp_clientAuth));
        generator.Add(X509Extensions.BasicConstraints, critical: true, new BasicConstraints(cA: true));
        generator.Add(X509Extensions.SubjectKeyIdentifier, critical: false, X509ExtensionUtilities.CreateSubjectKeyIdentifier(key.Public));
        return Sign(generator, key, key, random);
    }

    /// <summary>A client certificate signed by <paramref name="authority"/> (the talosconfig admin certificate).</summary>
    public static IssuedCertificate ClientCertificate(IssuedCertificate authority, PrivateKey key, string organization, DateTimeOffset now, TimeSpan validity, IRandomSource random)
    {
        var generator = Start(Name(organization), authority.Certificate.Subject, key, now, validity, random);
        generator.Add(X509Extensions.KeyUsage, critical: true, new KeyUsage(KeyUsage.DigitalSignature));
        generator.Add(X509Extensions.ExtendedKeyUsage, critical: false, new ExtendedKeyUsage(KeyPurposeID.id_kp_clientAuth));
        if (authority.Certificate.SubjectKeyIdentifier is { } authorityKeyId)
        {
            generator.Add(X509Extensions.AuthorityKeyIdentifier, critical: false, new AuthorityKeyIdentifier(authorityKeyId));
        }

        return Sign(generator, authority.Key, key, random);
    }

    /// <summary>O=<paramref name="organization"/> as a PrintableString (what Go writes for printable text), or the empty name.</summary>
    public static X509Name Name(string? organization)
    {
        if (organization is null)
        {
            return X509Name.GetInstance(new DerSequence());
        }

        Asn1Encodable value = DerPrintableString.IsPrintableString(organization) ? new DerPrintableString(organization) : new DerUtf8String(organization);
        return X509Name.GetInstance(new DerSequence(new DerSet(new DerSequence(X509Name.O, value))));
    }

    private static CertificateTemplate Start(X509Name subject, X509Name issuer, PrivateKey key, DateTimeOffset now, TimeSpan validity, IRandomSource random)
    {
        var serial = new byte[16];
        random.Fill(serial);
        // Go encodes times with whole seconds.
        var notBefore = new DateTime(now.UtcDateTime.Ticks - (now.UtcDateTime.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        return new CertificateTemplate(new BigInteger(1, serial), issuer, subject, notBefore, notBefore + validity, key);
    }

    private static IssuedCertificate Sign(CertificateTemplate template, PrivateKey signer, PrivateKey subjectKey, IRandomSource random)
    {
        var algorithm = signer.Algorithm switch
        {
            KeyAlgorithm.Ed25519 => "Ed25519",
            KeyAlgorithm.EcdsaP256 => "SHA256WITHECDSA",
            _ => "SHA256WITHRSA",
        };
        var factory = new Asn1SignatureFactory(algorithm, signer.Private, RandomSourceAdapter.SecureRandomFrom(random));
        var der = template.Sign(factory);
        var certificate = CertificateInfo.Parse(der)!;
        var pem = new PemBlock("CERTIFICATE", der).Encode();
        return new IssuedCertificate(certificate, pem, subjectKey);
    }
}
