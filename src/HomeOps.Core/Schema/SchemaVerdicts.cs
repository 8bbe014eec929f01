using HomeOps.Core.Caching;

namespace HomeOps.Core.Schema;

/// <summary>What schema validation found for one object.</summary>
public sealed record SchemaVerdict(IReadOnlyList<SchemaViolation> Violations);

/// <summary>
/// Schema verdicts remembered from earlier runs, keyed by the object's content hash and the schema's fingerprint
/// (<see cref="Key"/>), so a run validates only objects it has not seen and does not parse the schemas of unchanged
/// ones. Starts empty; the caller loads and stores it (validate keeps it in the build cache folder).
/// </summary>
public sealed class SchemaVerdicts(IEnumerable<KeyValuePair<string, SchemaVerdict>> known)
{
    private readonly RunMemo<SchemaVerdict> _memo = new(known);

    public SchemaVerdicts()
        : this([])
    {
    }

    /// <summary>True when this run validated an object no stored verdict covered.</summary>
    public bool Added => _memo.Added;

    /// <summary>The verdicts this run read or added: what is worth keeping for the next run of the same tree.</summary>
    public IReadOnlyDictionary<string, SchemaVerdict> Used => _memo.Used;

    /// <summary>The key of an object's verdict: its content, the schema it is judged by, and the built-in schemas (metadata is checked as their ObjectMeta).</summary>
    public static string Key(string objectHash, string schemaFingerprint, string? builtinVersion) =>
        $"{objectHash} {builtinVersion ?? "-"} {schemaFingerprint}";

    public SchemaVerdict? Find(string key) => _memo.TryGet(key, out var verdict) ? verdict : null;

    public void Add(string key, SchemaVerdict verdict) => _memo.Add(key, verdict);
}
