using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;

namespace HomeOps.Core.Talos.Pki;

/// <summary>
/// A parsed X.509 certificate. Read with plain ASN.1 rather than BouncyCastle's X509Certificate, which rejects the
/// empty issuer name of the Kubernetes aggregator CA that Talos generates.
/// </summary>
public sealed class CertificateInfo
{
    private CertificateInfo(byte[] der, Asn1Sequence tbs, AlgorithmIdentifier signatureAlgorithm, byte[] signature)
    {
        Der = der;
        TbsDer = tbs.GetDerEncoded();
        SignatureAlgorithm = signatureAlgorithm;
        Signature = signature;
        var index = 0;
        if (tbs[0] is Asn1TaggedObject { TagNo: 0 } versionTag)
        {
            Version = DerInteger.GetInstance(versionTag.GetExplicitBaseObject()).IntValueExact + 1;
            index = 1;
        }
        else
        {
            Version = 1;
        }

        Serial = DerInteger.GetInstance(tbs[index]).Value;
        Issuer = X509Name.GetInstance(tbs[index + 2]);
        var validity = Asn1Sequence.GetInstance(tbs[index + 3]);
        NotBefore = Time.GetInstance(validity[0]).ToDateTime().ToUniversalTime();
        NotAfter = Time.GetInstance(validity[1]).ToDateTime().ToUniversalTime();
        Subject = X509Name.GetInstance(tbs[index + 4]);
        PublicKeyInfo = SubjectPublicKeyInfo.GetInstance(tbs[index + 5]);
        PublicKey = PublicKeyFactory.CreateKey(PublicKeyInfo);
        for (var i = index + 6; i < tbs.Count; i++)
        {
            if (tbs[i] is Asn1TaggedObject { TagNo: 3 } extensionsTag)
            {
                Extensions = X509Extensions.GetInstance(extensionsTag.GetExplicitBaseObject());
            }
        }
    }

    public byte[] Der { get; }

    public byte[] TbsDer { get; }

    public int Version { get; }

    public BigInteger Serial { get; }

    public AlgorithmIdentifier SignatureAlgorithm { get; }

    public byte[] Signature { get; }

    public X509Name Issuer { get; }

    public X509Name Subject { get; }

    public DateTime NotBefore { get; }

    public DateTime NotAfter { get; }

    public SubjectPublicKeyInfo PublicKeyInfo { get; }

    public AsymmetricKeyParameter PublicKey { get; }

    public X509Extensions? Extensions { get; }

    public bool IsAuthority => Extension(X509Extensions.BasicConstraints) is { } bc && BasicConstraints.GetInstance(bc).IsCA();

    public byte[]? SubjectKeyIdentifier =>
        Extension(X509Extensions.SubjectKeyIdentifier) is { } v ? Org.BouncyCastle.Asn1.X509.SubjectKeyIdentifier.GetInstance(v).GetKeyIdentifier() : null;

    public byte[]? AuthorityKeyIdentifier =>
        Extension(X509Extensions.AuthorityKeyIdentifier) is { } v ? Org.BouncyCastle.Asn1.X509.AuthorityKeyIdentifier.GetInstance(v).KeyIdentifier?.GetOctets() : null;

    public IReadOnlyList<string> ExtendedKeyUsages =>
        Extension(X509Extensions.ExtendedKeyUsage) is { } v ? [.. ExtendedKeyUsage.GetInstance(v).GetAllUsages().Select(o => o.Id)] : [];

    /// <summary>The KeyUsage bits (KeyUsage.DigitalSignature, ...), 0 when absent.</summary>
    public int KeyUsage => Extension(X509Extensions.KeyUsage) is { } v ? Org.BouncyCastle.Asn1.X509.KeyUsage.GetInstance(v).IntValue : 0;

    public IReadOnlyList<string> CriticalExtensions =>
        Extensions is null ? [] : [.. Extensions.GetCriticalExtensionOids().Select(o => o.Id)];

    /// <summary>DNS names and IP addresses from the subject alternative names.</summary>
    public IReadOnlyList<string> AlternativeNames =>
        Extension(X509Extensions.SubjectAlternativeName) is { } v
            ? [.. GeneralNames.GetInstance(v).GetNames().Select(n => n.TagNo == GeneralName.IPAddress
                ? new System.Net.IPAddress(Asn1OctetString.GetInstance(n.Name).GetOctets()).ToString()
                : n.Name.ToString()!)]
            : [];

    public static CertificateInfo? Parse(byte[] der)
    {
        try
        {
            var outer = Asn1Sequence.GetInstance(Asn1Object.FromByteArray(der));
            if (outer.Count != 3)
            {
                return null;
            }

            return new CertificateInfo(der, Asn1Sequence.GetInstance(outer[0]), AlgorithmIdentifier.GetInstance(outer[1]), DerBitString.GetInstance(outer[2]).GetOctets());
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException or IOException or InvalidOperationException or SecurityUtilityException or IndexOutOfRangeException or FormatException)
        {
            return null;
        }
    }

    public static CertificateInfo? ParsePem(string pem) => PemBlock.Decode(pem) is { Label: "CERTIFICATE" } block ? Parse(block.Der) : null;

    /// <summary>True when the certificate's signature verifies with <paramref name="issuerKey"/>.</summary>
    public bool IsSignedBy(AsymmetricKeyParameter issuerKey)
    {
        try
        {
            var calculator = new Asn1VerifierFactory(SignatureAlgorithm, issuerKey).CreateCalculator();
            using (var stream = calculator.Stream)
            {
                stream.Write(TbsDer, 0, TbsDer.Length);
            }

            return calculator.GetResult().IsVerified(Signature);
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException or SecurityUtilityException or InvalidOperationException)
        {
            return false;
        }
    }

    private Asn1Encodable? Extension(DerObjectIdentifier oid) => Extensions?.GetExtension(oid)?.GetParsedValue();
}
