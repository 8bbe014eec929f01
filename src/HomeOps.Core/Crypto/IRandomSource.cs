namespace HomeOps.Core.Crypto;

/// <summary>
/// Where HomeOps.Core gets random bytes (keys, serial numbers, tokens). The CLI passes a cryptographic generator;
/// tests pass a seeded one, so generated secrets and certificates are reproducible byte for byte.
/// </summary>
public interface IRandomSource
{
    void Fill(Span<byte> buffer);
}
