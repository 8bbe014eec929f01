using HomeOps.Core.Diagnostics;

namespace HomeOps.Core.Yaml;

/// <summary>A YAML node that remembers where it came from. Built by <see cref="YamlReader"/>.</summary>
public abstract class YamlNode(SourceSpan span)
{
    public SourceSpan Span { get; } = span;

    /// <summary>The word used in messages: "mapping", "sequence", "string", "number", "boolean" or "null".</summary>
    public abstract string KindName { get; }
}

/// <summary>A key-value pair of a mapping; the key is always a scalar.</summary>
public sealed record YamlEntry(YamlScalar Key, YamlNode Value);

public sealed class YamlMapping(SourceSpan span, IReadOnlyList<YamlEntry> entries) : YamlNode(span)
{
    public IReadOnlyList<YamlEntry> Entries { get; } = entries;

    public override string KindName => "mapping";

    /// <summary>The first entry with this key (duplicates were reported when reading).</summary>
    public YamlEntry? Find(string key)
    {
        foreach (var entry in Entries)
        {
            if (string.Equals(entry.Key.Value, key, StringComparison.Ordinal))
            {
                return entry;
            }
        }

        return null;
    }

    public YamlNode? this[string key] => Find(key)?.Value;
}

public sealed class YamlSequence(SourceSpan span, IReadOnlyList<YamlNode> items) : YamlNode(span)
{
    public IReadOnlyList<YamlNode> Items { get; } = items;

    public override string KindName => "sequence";
}

public sealed class YamlScalar(SourceSpan span, string value, bool isPlain, string? tag) : YamlNode(span)
{
    /// <summary>The scalar's text as written (after unquoting).</summary>
    public string Value { get; } = value;

    /// <summary>True when the scalar was written without quotes or block style, so it may be a number, bool or null.</summary>
    public bool IsPlain { get; } = isPlain;

    public string? Tag { get; } = tag;

    /// <summary>True when the scalar was written as a folded block (&gt;).</summary>
    public bool IsFolded { get; init; }

    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string KindName => ScalarKinds.Classify(this) switch
    {
        ScalarKind.Null => "null",
        ScalarKind.Boolean => "boolean",
        ScalarKind.Integer or ScalarKind.Float => "number",
        _ => "string",
    };
}
