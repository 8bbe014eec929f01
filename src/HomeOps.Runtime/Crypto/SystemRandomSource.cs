using System.Security.Cryptography;
using HomeOps.Core.Crypto;

namespace HomeOps.Runtime.Crypto;

/// <summary>The operating system's cryptographic random number generator: what real keys and tokens are made from.</summary>
public sealed class SystemRandomSource : IRandomSource
{
    public static readonly SystemRandomSource Instance = new();

    public void Fill(Span<byte> buffer) => RandomNumberGenerator.Fill(buffer);
}
