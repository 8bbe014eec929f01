using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace HomeOps.Core.Yaml;

/// <summary>
/// YAML parsed by an earlier run, found again by a hash of its text, so that text read before is not parsed again:
/// a validate run after a one-file change reads back most of its documents (the tree's files and the cached builds'
/// output) instead of parsing them. Only text that parsed without a diagnostic is kept, so every message about bad
/// YAML still comes from parsing it. Thread-safe: the builds of a wave read in parallel.
/// </summary>
/// <remarks>
/// The pack (<see cref="FromPack"/>, <see cref="ToPack"/>) is a header (magic, the version of this assembly, a
/// SHA-256 of the rest, the entry count), an index of 16-byte text hashes with offsets and lengths, then each entry
/// in <see cref="YamlBinary"/> form. A pack written by another build of HomeOps.Core or of YamlDotNet is ignored (its
/// reader may have parsed differently), and so is one whose checksum does not match: a damaged pack could otherwise
/// decode to a different tree. Text whose aliases name a mapping or a sequence is not kept: the binary form writes
/// each use out in full, so a few lines could stand for an exponentially large tree.
/// </remarks>
public sealed class YamlParseCache
{
    private static readonly byte[] s_magic = "HOYAMLP1"u8.ToArray();
    // The reader a pack stands for: this assembly and YamlDotNet (a new YamlDotNet may keep its assembly version, and
    // with it this assembly's build, while it parses differently).
    private static readonly Guid s_version = new(SHA256.HashData([
        .. typeof(YamlParseCache).Assembly.ManifestModule.ModuleVersionId.ToByteArray(),
        .. typeof(YamlDotNet.Core.Parser).Assembly.ManifestModule.ModuleVersionId.ToByteArray()])[..16]);
    private const int ChecksumAt = 8 + 16, CountAt = ChecksumAt + 32, HeaderLength = CountAt + 4, IndexEntryLength = 16 + 4 + 4;

    // Keys are hex strings and entries byte arrays, not UInt128 or memory slices: generic code over such value types
    // is not in the ReadyToRun image and would be compiled at run time, which costs more than these strings.
    private readonly byte[] _pack;
    private readonly Dictionary<string, int> _index; // text hash -> entry number in the pack's index

    // The entries this run read or added, each as its bytes: what the next pack holds.
    private readonly ConcurrentDictionary<string, byte[]> _used = new(StringComparer.Ordinal);
    private int _added;

    private YamlParseCache(byte[] pack, Dictionary<string, int> index)
    {
        _pack = pack;
        _index = index;
    }

    /// <summary>A cache that knows nothing yet.</summary>
    public static YamlParseCache Empty() => new([], new(StringComparer.Ordinal));

    /// <summary>The cache a pack holds; an empty one when the pack is damaged or from another build of HomeOps.Core or YamlDotNet.</summary>
    public static YamlParseCache FromPack(byte[] pack)
    {
        if (pack.Length < HeaderLength || !pack.AsSpan(0, 8).SequenceEqual(s_magic) || new Guid(pack.AsSpan(8, 16)) != s_version
            || !pack.AsSpan(ChecksumAt, 32).SequenceEqual(SHA256.HashData(pack.AsSpan(CountAt))))
        {
            return Empty();
        }

        var count = BinaryPrimitives.ReadInt32LittleEndian(pack.AsSpan(CountAt, 4));
        if (count < 0 || count > (pack.Length - HeaderLength) / IndexEntryLength)
        {
            return Empty();
        }

        var index = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var at = HeaderLength + (i * IndexEntryLength);
            var offset = BinaryPrimitives.ReadInt32LittleEndian(pack.AsSpan(at + 16, 4));
            var length = BinaryPrimitives.ReadInt32LittleEndian(pack.AsSpan(at + 20, 4));
            if (offset < HeaderLength || length < 0 || offset > pack.Length - length)
            {
                return Empty();
            }

            index[Convert.ToHexString(pack.AsSpan(at, 16))] = i;
        }

        return new YamlParseCache(pack, index);
    }

    /// <summary>How many texts this run read back instead of parsing them.</summary>
    public int Reused => _used.Count - _added;

    /// <summary>Whether the pack to write differs from the one read: a text was parsed, or one of the pack's was not read.</summary>
    public bool Changed => _added > 0 || _used.Count != _index.Count;

    /// <summary>The entries this run read or added (those it did not need are dropped, so the pack does not grow).</summary>
    public byte[] ToPack()
    {
        var entries = _used.ToArray();
        var length = HeaderLength + (entries.Length * IndexEntryLength) + entries.Sum(e => e.Value.Length);
        var pack = new byte[length];
        s_magic.CopyTo(pack, 0);
        s_version.TryWriteBytes(pack.AsSpan(8, 16));
        BinaryPrimitives.WriteInt32LittleEndian(pack.AsSpan(CountAt, 4), entries.Length);
        var offset = HeaderLength + (entries.Length * IndexEntryLength);
        for (var i = 0; i < entries.Length; i++)
        {
            var at = HeaderLength + (i * IndexEntryLength);
            Convert.FromHexString(entries[i].Key, pack.AsSpan(at, 16), out _, out _);
            BinaryPrimitives.WriteInt32LittleEndian(pack.AsSpan(at + 16, 4), offset);
            BinaryPrimitives.WriteInt32LittleEndian(pack.AsSpan(at + 20, 4), entries[i].Value.Length);
            entries[i].Value.CopyTo(pack.AsSpan(offset));
            offset += entries[i].Value.Length;
        }

        SHA256.HashData(pack.AsSpan(CountAt), pack.AsSpan(ChecksumAt, 32));
        return pack;
    }

    /// <summary>The documents of <paramref name="text"/> as parsed before, with positions in <paramref name="path"/>.</summary>
    internal bool TryGet(string text, string path, out string key, out List<YamlNode> documents)
    {
        key = Key(text);
        byte[] bytes;
        if (_used.TryGetValue(key, out var seen))
        {
            bytes = seen;
        }
        else if (_index.TryGetValue(key, out var entry))
        {
            var at = HeaderLength + (entry * IndexEntryLength);
            bytes = _pack.AsSpan(BinaryPrimitives.ReadInt32LittleEndian(_pack.AsSpan(at + 16, 4)), BinaryPrimitives.ReadInt32LittleEndian(_pack.AsSpan(at + 20, 4))).ToArray();
        }
        else
        {
            documents = [];
            return false;
        }

        try
        {
            documents = YamlBinary.Decode(bytes, path);
            _used.TryAdd(key, bytes);
            return true;
        }
        catch (InvalidDataException)
        {
            documents = [];
            return false;
        }
    }

    /// <summary>Keeps the documents of a text that parsed without a diagnostic.</summary>
    internal void Add(string key, IReadOnlyList<YamlNode> documents)
    {
        if (_used.TryAdd(key, YamlBinary.Encode(documents)))
        {
            Interlocked.Increment(ref _added);
        }
    }

    /// <summary>The first 16 bytes of the text's SHA-256, in hex.</summary>
    private static string Key(string text)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(MemoryMarshal.AsBytes(text.AsSpan()), hash);
        return Convert.ToHexString(hash[..16]);
    }
}
