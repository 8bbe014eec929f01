using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.X509;

namespace HomeOps.Core.Talos.Pki;

/// <summary>
/// The fields of a certificate to be signed, encoded by hand as RFC 5280 DER: BouncyCastle's generator refuses the
/// empty issuer name Talos gives its aggregator CA, and this keeps the extension order Go uses.
/// </summary>
internal sealed class CertificateTemplate(BigInteger serial, X509Name issuer, X509Name subject, DateTime notBefore, DateTime notAfter, PrivateKey key)
{
    private readonly List<(DerObjectIdentifier Oid, bool Critical, Asn1Encodable Value)> _extensions = [];

    public void Add(DerObjectIdentifier oid, bool critical, Asn1Encodable value) => _extensions.Add((oid, critical, value));

    public byte[] Sign(ISignatureFactory factory)
    {
        var algorithm = (AlgorithmIdentifier)factory.AlgorithmDetails;
        var extensions = new Asn1EncodableVector();
        foreach (var (oid, critical, value) in _extensions)
        {
            var extension = new Asn1EncodableVector(oid);
            if (critical)
            {
                extension.Add(DerBoolean.True);
            }

            extension.Add(new DerOctetString(value.GetDerEncoded()));
            extensions.Add(new DerSequence(extension));
        }

        var tbs = new DerSequence(
            new DerTaggedObject(true, 0, DerInteger.ValueOf(2)),
            new DerInteger(serial),
            algorithm,
            issuer,
            new DerSequence(new Time(notBefore), new Time(notAfter)),
            subject,
            SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(key.Public),
            new DerTaggedObject(true, 3, new DerSequence(extensions)));
        var calculator = factory.CreateCalculator();
        using (var stream = calculator.Stream)
        {
            var bytes = tbs.GetDerEncoded();
            stream.Write(bytes, 0, bytes.Length);
        }

        var signature = calculator.GetResult().Collect();
        return new DerSequence(tbs, algorithm, new DerBitString(signature)).GetDerEncoded();
    }
}
