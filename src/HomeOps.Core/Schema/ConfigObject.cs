using HomeOps.Core.Diagnostics;

namespace HomeOps.Core.Schema;

/// <summary>
/// Base of every configuration record: remembers where the object and each of its values were written, so any
/// later check can point at the exact line and column.
/// </summary>
public abstract record ConfigObject
{
    private IReadOnlyDictionary<string, SourceSpan> _valueSpans = new Dictionary<string, SourceSpan>();

    /// <summary>Where the object's mapping starts; <see cref="SourceSpan.File(string)"/> for defaults.</summary>
    public SourceSpan Span { get; internal set; } = SourceSpan.File("<default>");

    /// <summary>Where the value of the property named <paramref name="property"/> was written (the object itself when defaulted).</summary>
    public SourceSpan SpanOf(string property) => _valueSpans.TryGetValue(property, out var span) ? span : Span;

    /// <summary>Where item <paramref name="index"/> of a list property was written.</summary>
    public SourceSpan SpanOf(string property, int index) =>
        _valueSpans.TryGetValue($"{property}[{index}]", out var span) ? span : SpanOf(property);

    /// <summary>True when the property was written in the file rather than defaulted.</summary>
    public bool IsSet(string property) => _valueSpans.ContainsKey(property);

    // Where a value was written is not part of its identity: two configs with equal values are equal.
    public virtual bool Equals(ConfigObject? other) => other is not null && EqualityContract == other.EqualityContract;

    public override int GetHashCode() => EqualityContract.GetHashCode();

    internal void SetSpans(SourceSpan span, IReadOnlyDictionary<string, SourceSpan> valueSpans)
    {
        Span = span;
        _valueSpans = valueSpans;
    }
}
