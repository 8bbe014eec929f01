using Org.BouncyCastle.Crypto.Prng;
using Org.BouncyCastle.Security;

namespace HomeOps.Core.Crypto;

/// <summary>Lets BouncyCastle draw its randomness (key generation, ECDSA nonces) from an <see cref="IRandomSource"/>.</summary>
public sealed class RandomSourceAdapter(IRandomSource source) : IRandomGenerator
{
    public static SecureRandom SecureRandomFrom(IRandomSource source) => new(new RandomSourceAdapter(source));

    // Seed material is ignored on purpose: the source alone decides the bytes, which is what makes tests exact.
    public void AddSeedMaterial(byte[] seed)
    {
    }

    public void AddSeedMaterial(ReadOnlySpan<byte> seed)
    {
    }

    public void AddSeedMaterial(long seed)
    {
    }

    public void NextBytes(byte[] bytes) => source.Fill(bytes);

    public void NextBytes(byte[] bytes, int start, int len) => source.Fill(bytes.AsSpan(start, len));

    public void NextBytes(Span<byte> bytes) => source.Fill(bytes);
}
