using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace HomeOps.Core.Yaml;

/// <summary>
/// A hash of what a YAML node says, not where it stands: the shape, every key, every scalar with its plainness, tag
/// and folding (which decide its type). Two nodes with the same hash are judged alike by anything that reads only
/// their content, such as schema validation; positions are left out, so a node moved within its file keeps its hash.
/// </summary>
public static class YamlContentHash
{
    public static string Of(YamlNode node)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, node);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, YamlNode node)
    {
        switch (node)
        {
            case YamlMapping mapping:
                Marker(hash, (byte)'M', mapping.Entries.Count);
                foreach (var entry in mapping.Entries)
                {
                    Append(hash, entry.Key);
                    Append(hash, entry.Value);
                }

                break;
            case YamlSequence sequence:
                Marker(hash, (byte)'S', sequence.Items.Count);
                foreach (var item in sequence.Items)
                {
                    Append(hash, item);
                }

                break;
            case YamlScalar scalar:
                Marker(hash, scalar.IsPlain ? (byte)'P' : scalar.IsFolded ? (byte)'F' : (byte)'Q', scalar.Value.Length);
                hash.AppendData(MemoryMarshal.AsBytes(scalar.Value.AsSpan()));
                Marker(hash, (byte)'T', scalar.Tag?.Length ?? -1);
                hash.AppendData(MemoryMarshal.AsBytes((scalar.Tag ?? string.Empty).AsSpan()));
                break;
            default:
                throw new ArgumentException($"a YAML node of an unknown type: {node.GetType().Name}", nameof(node));
        }
    }

    /// <summary>A type byte and a length, so that no two different nodes feed the hash the same bytes.</summary>
    private static void Marker(IncrementalHash hash, byte type, int length)
    {
        Span<byte> bytes = stackalloc byte[5];
        bytes[0] = type;
        BinaryPrimitives.WriteInt32LittleEndian(bytes[1..], length);
        hash.AppendData(bytes);
    }
}
