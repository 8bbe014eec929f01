using System.Security.Cryptography;
using System.Text;

namespace HomeOps.Core.Crypto;

/// <summary>
/// Bytes derived from secret material (SHA-256 in counter mode over a label and the secret). Used where output must be
/// reproducible from the secrets alone, such as the talosconfig client certificate, so that rendering twice gives the
/// same bytes. As secret as the material it is derived from.
/// </summary>
public sealed class DerivedRandomSource(string label, byte[] secret) : IRandomSource
{
    private readonly byte[] _prefix = [.. Encoding.UTF8.GetBytes(label), 0, .. secret];
    private readonly byte[] _block = new byte[32];
    private long _counter;
    private int _used = 32;

    public void Fill(Span<byte> buffer)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            if (_used == _block.Length)
            {
                var input = new byte[_prefix.Length + 8];
                _prefix.CopyTo(input, 0);
                BitConverter.TryWriteBytes(input.AsSpan(_prefix.Length), _counter++);
                SHA256.HashData(input, _block);
                _used = 0;
            }

            buffer[i] = _block[_used++];
        }
    }
}
