using System.Text;
using HomeOps.Core.Diagnostics;

namespace HomeOps.Core.Yaml;

/// <summary>
/// A compact binary form of parsed YAML documents: every node with its kind, position, scalar text, style and tag.
/// Reading it back is several times faster than parsing the text again, which is what <see cref="YamlParseCache"/>
/// keeps it for. The file of the positions is not stored (the same text may be read under another name);
/// <see cref="Decode"/> is given it. A node reached through two aliases comes back as two equal nodes.
/// </summary>
internal static class YamlBinary
{
    private const byte ScalarNode = 0, SequenceNode = 1, MappingNode = 2;
    private const byte Plain = 1, Folded = 2, Tagged = 4;

    public static byte[] Encode(IReadOnlyList<YamlNode> documents)
    {
        var writer = new Writer();
        writer.Number(documents.Count);
        foreach (var document in documents)
        {
            writer.Node(document);
        }

        return writer.ToArray();
    }

    /// <summary>The documents <see cref="Encode"/> wrote. Throws <see cref="InvalidDataException"/> for bytes it did not write.</summary>
    public static List<YamlNode> Decode(byte[] bytes, string path)
    {
        var reader = new Reader(bytes, path);
        var count = reader.Count();
        var documents = new List<YamlNode>(count);
        for (var i = 0; i < count; i++)
        {
            documents.Add(reader.Node(depth: 0));
        }

        return reader.AtEnd ? documents : throw new InvalidDataException("bytes left after the last document");
    }

    private sealed class Writer
    {
        private readonly MemoryStream _bytes = new();
        private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);

        public byte[] ToArray() => _bytes.ToArray();

        public void Node(YamlNode node)
        {
            switch (node)
            {
                case YamlScalar scalar:
                    _bytes.WriteByte(ScalarNode);
                    Span(scalar.Span);
                    _bytes.WriteByte((byte)((scalar.IsPlain ? Plain : 0) | (scalar.IsFolded ? Folded : 0) | (scalar.Tag is null ? 0 : Tagged)));
                    Text(scalar.Value);
                    if (scalar.Tag is { } tag)
                    {
                        Text(tag);
                    }

                    break;
                case YamlSequence sequence:
                    _bytes.WriteByte(SequenceNode);
                    Span(sequence.Span);
                    Number(sequence.Items.Count);
                    foreach (var item in sequence.Items)
                    {
                        Node(item);
                    }

                    break;
                case YamlMapping mapping:
                    _bytes.WriteByte(MappingNode);
                    Span(mapping.Span);
                    Number(mapping.Entries.Count);
                    foreach (var entry in mapping.Entries)
                    {
                        Node(entry.Key);
                        Node(entry.Value);
                    }

                    break;
                default:
                    throw new ArgumentException($"unknown node type {node.GetType().Name}", nameof(node));
            }
        }

        /// <summary>A string the first time (0, then its UTF-8 length and bytes), after that its number plus one.</summary>
        private void Text(string value)
        {
            if (_strings.TryGetValue(value, out var index))
            {
                Number(index + 1);
                return;
            }

            _strings.Add(value, _strings.Count);
            Number(0);
            var utf8 = Encoding.UTF8.GetBytes(value);
            Number(utf8.Length);
            _bytes.Write(utf8);
        }

        private void Span(SourceSpan span)
        {
            Number(span.Line);
            Number(span.Column);
            Number(span.EndLine);
            Number(span.EndColumn);
        }

        /// <summary>A non-negative number, seven bits to a byte, low bits first.</summary>
        public void Number(int value)
        {
            var rest = (uint)value;
            while (rest >= 0x80)
            {
                _bytes.WriteByte((byte)(rest | 0x80));
                rest >>= 7;
            }

            _bytes.WriteByte((byte)rest);
        }
    }

    private sealed class Reader(byte[] memory, string path)
    {
        private readonly List<string> _strings = [];
        private int _at;

        public bool AtEnd => _at == memory.Length;

        public YamlNode Node(int depth)
        {
            if (depth > YamlReader.MaxDepth)
            {
                throw new InvalidDataException("nested deeper than YAML is read");
            }

            var kind = Byte();
            var span = Span();
            switch (kind)
            {
                case ScalarNode:
                    var flags = Byte();
                    var value = Text();
                    var tag = (flags & Tagged) != 0 ? Text() : null;
                    return new YamlScalar(span, value, (flags & Plain) != 0, tag) { IsFolded = (flags & Folded) != 0 };
                case SequenceNode:
                    var items = new YamlNode[Count()];
                    for (var i = 0; i < items.Length; i++)
                    {
                        items[i] = Node(depth + 1);
                    }

                    return new YamlSequence(span, items);
                case MappingNode:
                    var entries = new YamlEntry[Count()];
                    for (var i = 0; i < entries.Length; i++)
                    {
                        var key = Node(depth + 1) as YamlScalar ?? throw new InvalidDataException("a mapping key that is not a scalar");
                        entries[i] = new YamlEntry(key, Node(depth + 1));
                    }

                    return new YamlMapping(span, entries);
                default:
                    throw new InvalidDataException($"unknown node kind {kind}");
            }
        }

        /// <summary>A count of things still to read: each takes at least a byte, so a larger one is damage.</summary>
        public int Count()
        {
            var count = Number();
            return count <= memory.Length - _at ? count : throw new InvalidDataException("a count larger than the bytes left");
        }

        private string Text()
        {
            var index = Number();
            if (index > 0)
            {
                return index <= _strings.Count ? _strings[index - 1] : throw new InvalidDataException("a string referred to before it was written");
            }

            var length = Count();
            var value = Encoding.UTF8.GetString(memory, _at, length);
            _at += length;
            _strings.Add(value);
            return value;
        }

        private SourceSpan Span() => new(path, Number(), Number(), Number(), Number());

        private byte Byte() => _at < memory.Length ? memory[_at++] : throw new InvalidDataException("the bytes end inside a node");

        private int Number()
        {
            var value = 0;
            for (var shift = 0; shift < 32; shift += 7)
            {
                var b = Byte();
                value |= (b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return value >= 0 ? value : throw new InvalidDataException("a negative number");
                }
            }

            throw new InvalidDataException("a number longer than five bytes");
        }
    }
}
