using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using HomeOps.Core.Crypto;

namespace HomeOps.Core.Talos.Pki;

/// <summary>
/// A private key and its public half, encoded exactly as Talos (Go crypto/x509) writes it:
/// Ed25519 as a 48-byte PKCS#8 "ED25519 PRIVATE KEY", ECDSA as SEC 1 "EC PRIVATE KEY" with curve OID and public key,
/// RSA as PKCS#1 "RSA PRIVATE KEY".
/// </summary>
public sealed class PrivateKey
{
    // PKCS#8 wrapper for a raw Ed25519 seed, as Go's x509.MarshalPKCS8PrivateKey emits it (v1, no public key).
    private static readonly byte[] s_ed25519Pkcs8Prefix = Convert.FromHexString("302e020100300506032b657004220420");

    private readonly Lazy<AsymmetricKeyParameter> _private;
    private readonly Lazy<AsymmetricKeyParameter> _public;

    private PrivateKey(KeyAlgorithm algorithm, Func<AsymmetricKeyParameter> privateKey, Func<AsymmetricKeyParameter> publicKey, string pem)
    {
        Algorithm = algorithm;
        _private = new Lazy<AsymmetricKeyParameter>(privateKey);
        _public = new Lazy<AsymmetricKeyParameter>(publicKey);
        Pem = pem;
    }

    public KeyAlgorithm Algorithm { get; }

    /// <summary>
    /// The BouncyCastle key, made on first use: for RSA, BouncyCastle checks the modulus for primality when the
    /// parameters are built, which takes most of a second for a 4096-bit key and is not needed to render configs.
    /// </summary>
    public AsymmetricKeyParameter Private => _private.Value;

    public AsymmetricKeyParameter Public => _public.Value;

    /// <summary>The PEM text (what the secrets bundle stores, base64-encoded once more).</summary>
    public string Pem { get; }

    public static PrivateKey GenerateEd25519(IRandomSource random)
    {
        var seed = new byte[32];
        random.Fill(seed);
        return FromEd25519Seed(seed);
    }

    public static PrivateKey FromEd25519Seed(byte[] seed)
    {
        var key = new Ed25519PrivateKeyParameters(seed);
        var pem = new PemBlock("ED25519 PRIVATE KEY", [.. s_ed25519Pkcs8Prefix, .. seed]).Encode();
        return new PrivateKey(KeyAlgorithm.Ed25519, () => key, key.GeneratePublicKey, pem);
    }

    public static PrivateKey GenerateEcdsaP256(IRandomSource random)
    {
        var generator = new ECKeyPairGenerator("EC");
        generator.Init(new ECKeyGenerationParameters(SecObjectIdentifiers.SecP256r1, RandomSourceAdapter.SecureRandomFrom(random)));
        var pair = generator.GenerateKeyPair();
        return FromEcdsa((ECPrivateKeyParameters)pair.Private);
    }

    public static PrivateKey GenerateRsa(IRandomSource random, int bits)
    {
        var generator = new RsaKeyPairGenerator();
        generator.Init(new RsaKeyGenerationParameters(BigInteger.ValueOf(65537), RandomSourceAdapter.SecureRandomFrom(random), bits, 100));
        var pair = generator.GenerateKeyPair();
        var key = (RsaPrivateCrtKeyParameters)pair.Private;
        return FromRsa(new RsaPrivateKeyStructure(key.Modulus, key.PublicExponent, key.Exponent, key.P, key.Q, key.DP, key.DQ, key.QInv));
    }

    /// <summary>Parses a PEM private key as Talos writes it; null with a reason when it is not one.</summary>
    public static PrivateKey? Parse(string pem, out string? problem)
    {
        problem = null;
        var block = PemBlock.Decode(pem);
        if (block is null)
        {
            problem = "it is not PEM text";
            return null;
        }

        try
        {
            switch (block.Label)
            {
                case "ED25519 PRIVATE KEY" or "PRIVATE KEY":
                    var info = PrivateKeyInfo.GetInstance(Asn1Object.FromByteArray(block.Der));
                    var parsed = PrivateKeyFactory.CreateKey(info);
                    return parsed switch
                    {
                        Ed25519PrivateKeyParameters ed => FromEd25519Seed(ed.GetEncoded()),
                        ECPrivateKeyParameters ec => FromEcdsa(ec),
                        RsaPrivateCrtKeyParameters rsa => FromRsa(new RsaPrivateKeyStructure(rsa.Modulus, rsa.PublicExponent, rsa.Exponent, rsa.P, rsa.Q, rsa.DP, rsa.DQ, rsa.QInv)),
                        _ => Fail(out problem, $"the PKCS#8 key type {info.PrivateKeyAlgorithm.Algorithm.Id} is not supported"),
                    };
                case "EC PRIVATE KEY":
                    var sec1 = ECPrivateKeyStructure.GetInstance(Asn1Object.FromByteArray(block.Der));
                    var curveOid = sec1.Parameters is DerObjectIdentifier oid ? oid : SecObjectIdentifiers.SecP256r1;
                    if (!curveOid.Equals(SecObjectIdentifiers.SecP256r1))
                    {
                        return Fail(out problem, $"the EC key is on curve {curveOid.Id}; Talos uses P-256");
                    }

                    return FromEcdsa(new ECPrivateKeyParameters("EC", sec1.GetKey(), SecObjectIdentifiers.SecP256r1));
                case "RSA PRIVATE KEY":
                    var rsaKey = RsaPrivateKeyStructure.GetInstance(Asn1Object.FromByteArray(block.Der));
                    return IsConsistent(rsaKey) ? FromRsa(rsaKey) : Fail(out problem, "the RSA key's numbers do not belong together");
                default:
                    return Fail(out problem, $"a PEM block labelled '{block.Label}' is not a private key");
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException or IOException or InvalidOperationException or SecurityUtilityException)
        {
            return Fail(out problem, "the key's DER encoding is malformed");
        }
    }

    /// <summary>True when <paramref name="publicKey"/> is this key's public half (to check a certificate matches its key).</summary>
    public bool Matches(AsymmetricKeyParameter publicKey) => Public.Equals(publicKey);

    private static PrivateKey FromEcdsa(ECPrivateKeyParameters key)
    {
        var domain = ECNamedDomainParameters.LookupOid(SecObjectIdentifiers.SecP256r1);
        var q = domain.G.Multiply(key.D).Normalize();
        var publicKey = new ECPublicKeyParameters("EC", q, SecObjectIdentifiers.SecP256r1);
        var structure = new ECPrivateKeyStructure(256, key.D, new DerBitString(q.GetEncoded(false)), SecObjectIdentifiers.SecP256r1);
        var pem = new PemBlock("EC PRIVATE KEY", structure.GetDerEncoded()).Encode();
        return new PrivateKey(KeyAlgorithm.EcdsaP256, () => new ECPrivateKeyParameters("EC", key.D, SecObjectIdentifiers.SecP256r1), () => publicKey, pem);
    }

    private static PrivateKey FromRsa(RsaPrivateKeyStructure key)
    {
        var pem = new PemBlock("RSA PRIVATE KEY", key.GetDerEncoded()).Encode();
        return new PrivateKey(
            KeyAlgorithm.Rsa,
            () => new RsaPrivateCrtKeyParameters(key),
            () => new RsaKeyParameters(false, key.Modulus, key.PublicExponent),
            pem);
    }

    /// <summary>The cheap arithmetic checks of a PKCS#1 key: n = pq, the CRT exponents and coefficient match.</summary>
    private static bool IsConsistent(RsaPrivateKeyStructure k)
    {
        var one = BigInteger.One;
        return k.Modulus.Equals(k.Prime1.Multiply(k.Prime2))
            && k.Exponent1.Equals(k.PrivateExponent.Mod(k.Prime1.Subtract(one)))
            && k.Exponent2.Equals(k.PrivateExponent.Mod(k.Prime2.Subtract(one)))
            && k.Coefficient.Multiply(k.Prime2).Mod(k.Prime1).Equals(one)
            && k.PublicExponent.Multiply(k.PrivateExponent).Mod(k.Prime1.Subtract(one)).Equals(one);
    }

    private static PrivateKey? Fail(out string? problem, string reason)
    {
        problem = reason;
        return null;
    }
}
