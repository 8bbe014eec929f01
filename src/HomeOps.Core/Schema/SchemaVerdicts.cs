using System.Collections.Concurrent;

namespace HomeOps.Core.Schema;

/// <summary>What schema validation found for one object.</summary>
public sealed record SchemaVerdict(IReadOnlyList<SchemaViolation> Violations);

/// <summary>
/// Schema verdicts remembered from earlier runs, keyed by the object's content hash and the schema's fingerprint
/// (<see cref="Key"/>), so a run validates only objects it has not seen and does not parse the schemas of unchanged
/// ones. Starts empty; the caller loads and stores it (validate keeps it in the build cache folder).
/// </summary>
public sealed class SchemaVerdicts
{
    private readonly ConcurrentDictionary<string, SchemaVerdict> _known;
    private readonly ConcurrentDictionary<string, SchemaVerdict> _used = new(StringComparer.Ordinal);

    public SchemaVerdicts()
        : this([])
    {
    }

    public SchemaVerdicts(IEnumerable<KeyValuePair<string, SchemaVerdict>> known)
    {
        _known = new ConcurrentDictionary<string, SchemaVerdict>(StringComparer.Ordinal);
        foreach (var (key, verdict) in known)
        {
            _known.TryAdd(key, verdict);
        }
    }

    /// <summary>True when this run validated an object no stored verdict covered.</summary>
    public bool Added { get; private set; }

    /// <summary>The verdicts this run read or added: what is worth keeping for the next run of the same tree.</summary>
    public IReadOnlyDictionary<string, SchemaVerdict> Used => _used;

    /// <summary>The key of an object's verdict: its content, the schema it is judged by, and the built-in schemas (metadata is checked as their ObjectMeta).</summary>
    public static string Key(string objectHash, string schemaFingerprint, string? builtinVersion) =>
        $"{objectHash} {builtinVersion ?? "-"} {schemaFingerprint}";

    public SchemaVerdict? Find(string key)
    {
        if (!_known.TryGetValue(key, out var verdict))
        {
            return null;
        }

        _used[key] = verdict;
        return verdict;
    }

    public void Add(string key, SchemaVerdict verdict)
    {
        _known[key] = verdict;
        _used[key] = verdict;
        Added = true;
    }
}
