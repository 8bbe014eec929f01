using System.Security.Cryptography;
using System.Text;
using HomeOps.Core.Crypto;

namespace HomeOps.Testing;

/// <summary>
/// A reproducible byte stream (SHA-256 of seed and a block counter): the same seed gives the same keys, serial numbers
/// and tokens on every run and machine, so generated secrets can be compared exactly.
/// </summary>
public sealed class SeededRandomSource(string seed) : IRandomSource
{
    private readonly byte[] _seed = Encoding.UTF8.GetBytes(seed);
    private readonly byte[] _block = new byte[32];
    private long _counter;
    private int _used = 32;

    public long BytesDrawn { get; private set; }

    public void Fill(Span<byte> buffer)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            if (_used == _block.Length)
            {
                Refill();
            }

            buffer[i] = _block[_used++];
        }

        BytesDrawn += buffer.Length;
    }

    private void Refill()
    {
        var input = new byte[_seed.Length + 8];
        _seed.CopyTo(input, 0);
        BitConverter.TryWriteBytes(input.AsSpan(_seed.Length), _counter++);
        SHA256.HashData(input, _block);
        _used = 0;
    }
}
