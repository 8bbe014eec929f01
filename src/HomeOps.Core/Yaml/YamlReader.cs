using HomeOps.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HomeOps.Core.Yaml;

/// <summary>
/// Reads YAML text into <see cref="YamlNode"/> trees that keep file, line and column for every node.
/// Never throws for bad input: syntax errors, duplicate keys, unknown aliases and excessive depth become diagnostics.
/// </summary>
public static class YamlReader
{
    public const int MaxDepth = 64;

    /// <summary>Reads every document in <paramref name="text"/>. On a syntax error the documents read so far are returned.</summary>
    /// <param name="cache">Where documents parsed before are found again (by their text), and clean parses are kept.</param>
    public static IReadOnlyList<YamlNode> ReadAll(string text, string path, DiagnosticBag diagnostics, YamlParseCache? cache = null) =>
        Read(text, path, diagnostics, cache).Documents;

    /// <summary>
    /// Reads a file that must hold exactly one document. Returns null (with a diagnostic) when the YAML cannot be
    /// parsed or the file does not hold exactly one document; duplicate keys and unknown aliases are reported but
    /// the document is still returned.
    /// </summary>
    public static YamlNode? ReadSingle(string text, string path, DiagnosticBag diagnostics, YamlParseCache? cache = null)
    {
        var (documents, fatal) = Read(text, path, diagnostics, cache);
        if (fatal)
        {
            return null;
        }

        if (documents.Count == 0 || (documents.Count == 1 && documents[0] is YamlScalar { IsNull: true }))
        {
            diagnostics.Add(DiagnosticCatalog.YamlEmptyDocument.At(SourceSpan.File(path)));
            return null;
        }

        if (documents.Count > 1)
        {
            diagnostics.Add(DiagnosticCatalog.YamlMultipleDocuments.At(documents[1].Span, documents.Count));
            return null;
        }

        return documents[0];
    }

    private static (List<YamlNode> Documents, bool Fatal) Read(string text, string path, DiagnosticBag diagnostics, YamlParseCache? cache)
    {
        var key = string.Empty;
        if (cache is not null && cache.TryGet(text, path, out key, out var known))
        {
            return (known, false);
        }

        var reported = diagnostics.Count;
        var documents = new List<YamlNode>();
        var builder = new Builder(path, diagnostics);
        var parser = new Parser(new StringReader(text));
        try
        {
            while (parser.MoveNext())
            {
                if (parser.Current is DocumentStart)
                {
                    builder.ResetAnchors();
                    parser.MoveNext();
                    documents.Add(builder.Build(parser, depth: 0));
                    parser.MoveNext(); // DocumentEnd
                }
            }

            if (cache is not null && diagnostics.Count == reported && !builder.SharesCollections)
            {
                cache.Add(key, documents);
            }

            return (documents, false);
        }
        catch (YamlException e)
        {
            var tab = TabIndentation(text, path, (int)e.End.Line + 1);
            var message = tab is not null ? "a tab is used for indentation; YAML allows only spaces" : CleanMessage(e.Message);
            diagnostics.Add(DiagnosticCatalog.YamlSyntax.At(tab ?? Span(path, e.Start, e.End), message));
        }
        catch (DepthExceededException e)
        {
            diagnostics.Add(DiagnosticCatalog.YamlTooDeep.At(e.Span, MaxDepth));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or FormatException or OverflowException)
        {
            // YamlDotNet's scanner occasionally fails with a non-YAML exception on malformed input
            // (for example an unclosed flow sequence); report it at the last position the parser reached.
            var at = parser.Current?.End ?? Mark.Empty;
            var line = (int)Math.Max(1, at.Line);
            var span = TabIndentation(text, path, line + 1) ?? Span(path, at, at);
            diagnostics.Add(DiagnosticCatalog.YamlSyntax.At(span, "the YAML could not be parsed after this point (check for an unclosed bracket or quote)"));
        }

        return (documents, true);
    }

    /// <summary>The first line at or before <paramref name="maxLine"/> indented with a tab, which YAML forbids.</summary>
    private static SourceSpan? TabIndentation(string text, string path, int maxLine)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i <= text.Length && line <= maxLine; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                var content = text.AsSpan(lineStart, i - lineStart);
                var indent = content.Length - content.TrimStart(" \t").Length;
                if (indent < content.Length && content[..indent].Contains('\t'))
                {
                    return SourceSpan.At(path, line, content.IndexOf('\t') + 1);
                }

                line++;
                lineStart = i + 1;
            }
        }

        return null;
    }

    internal static SourceSpan Span(string path, Mark start, Mark end) =>
        new(path, (int)Math.Max(1, start.Line), (int)Math.Max(1, start.Column), (int)Math.Max(1, end.Line), (int)Math.Max(1, end.Column));

    private static string CleanMessage(string message)
    {
        // YamlDotNet prefixes messages with "(Line: x, Col: y, Idx: z) - (Line: ...): "; the location is printed separately.
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        return marker >= 0 && message.StartsWith("(Line:", StringComparison.Ordinal) ? message[(marker + 3)..] : message;
    }

    private sealed class DepthExceededException(SourceSpan span) : Exception
    {
        public SourceSpan Span { get; } = span;
    }

    private sealed class Builder(string path, DiagnosticBag diagnostics)
    {
        private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);

        /// <summary>Whether an alias named a mapping or a sequence: the tree then shares that node between its uses.</summary>
        public bool SharesCollections { get; private set; }

        public void ResetAnchors() => _anchors.Clear();

        /// <summary>Builds the node at the parser's current event and leaves the parser on that node's last event.</summary>
        public YamlNode Build(IParser parser, int depth)
        {
            var current = parser.Current!;
            if (depth > MaxDepth)
            {
                throw new DepthExceededException(Span(path, current.Start, current.End));
            }

            switch (current)
            {
                case Scalar scalar:
                    return Remember(scalar.Anchor, new YamlScalar(
                        Span(path, scalar.Start, scalar.End),
                        scalar.Value,
                        scalar.Style is ScalarStyle.Plain or ScalarStyle.Any,
                        scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific ? null : scalar.Tag.Value) { IsFolded = scalar.Style == ScalarStyle.Folded });
                case SequenceStart start:
                    return Remember(start.Anchor, BuildSequence(parser, start, depth));
                case MappingStart start:
                    return Remember(start.Anchor, BuildMapping(parser, start, depth));
                case AnchorAlias alias:
                    if (_anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        SharesCollections |= target is not YamlScalar;
                        return target;
                    }

                    var span = Span(path, alias.Start, alias.End);
                    diagnostics.Add(DiagnosticCatalog.YamlUnknownAlias.At(span, alias.Value.Value));
                    return new YamlScalar(span, string.Empty, isPlain: true, tag: null);
                default:
                    throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}");
            }
        }

        private YamlSequence BuildSequence(IParser parser, SequenceStart start, int depth)
        {
            var items = new List<YamlNode>();
            while (parser.MoveNext() && parser.Current is not SequenceEnd)
            {
                items.Add(Build(parser, depth + 1));
            }

            return new YamlSequence(Span(path, start.Start, parser.Current?.End ?? start.End), items);
        }

        private YamlMapping BuildMapping(IParser parser, MappingStart start, int depth)
        {
            var entries = new List<YamlEntry>();
            var seen = new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
            while (parser.MoveNext() && parser.Current is not MappingEnd)
            {
                var keyNode = Build(parser, depth + 1);
                parser.MoveNext();
                var value = Build(parser, depth + 1);
                if (keyNode is not YamlScalar key)
                {
                    diagnostics.Add(DiagnosticCatalog.YamlComplexKey.At(keyNode.Span, keyNode.KindName));
                    continue;
                }

                if (seen.TryGetValue(key.Value, out var first))
                {
                    diagnostics.Add(DiagnosticCatalog.YamlDuplicateKey.At(key.Span, key.Value, first.Span.Line));
                    continue;
                }

                seen.Add(key.Value, key);
                entries.Add(new YamlEntry(key, value));
            }

            return new YamlMapping(Span(path, start.Start, parser.Current?.End ?? start.End), entries);
        }

        private YamlNode Remember(AnchorName anchor, YamlNode node)
        {
            if (!anchor.IsEmpty)
            {
                _anchors[anchor.Value] = node;
            }

            return node;
        }
    }
}
