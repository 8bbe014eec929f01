using System.Text.Json;
using HomeOps.Core.GitOps.Rules;
using HomeOps.Core.Schema;

namespace HomeOps.Operations.GitOps;

/// <summary>
/// Keeps the schema verdicts of a repository's last run in the build cache folder (one entry per repository and
/// HomeOps build), so the next run validates only objects whose content or schema changed. Only the verdicts a run
/// used are stored, so the entry stays the size of the tree. A damaged entry is read as empty.
/// </summary>
internal sealed class SchemaVerdictStore(BuildCache cache, string repositoryRoot)
{
    private const string Kind = "schema-verdicts";

    private readonly string _key = BuildCache.Hash(["schema-verdicts-2", repositoryRoot, typeof(SchemaRule).Assembly.ManifestModule.ModuleVersionId.ToString()]);

    public SchemaVerdicts Load()
    {
        if (cache.Get(Kind, _key) is not { } text)
        {
            return new SchemaVerdicts();
        }

        try
        {
            var stored = JsonSerializer.Deserialize(text, SchemaVerdictJson.Default.DictionaryStringStoredVerdict) ?? [];
            return new SchemaVerdicts(stored.Select(e => KeyValuePair.Create(e.Key, e.Value.ToVerdict())));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or NullReferenceException or ArgumentException)
        {
            return new SchemaVerdicts();
        }
    }

    public void Save(SchemaVerdicts verdicts)
    {
        if (verdicts.Added)
        {
            var stored = verdicts.Used.ToDictionary(e => e.Key, e => StoredVerdict.From(e.Value), StringComparer.Ordinal);
            cache.Put(Kind, _key, JsonSerializer.Serialize(stored, SchemaVerdictJson.Default.DictionaryStringStoredVerdict));
        }
    }
}

internal sealed record StoredVerdict(List<StoredViolation> Violations)
{
    public static StoredVerdict From(SchemaVerdict verdict) =>
        new([.. verdict.Violations.Select(v => new StoredViolation(v.Kind, [.. v.Path.Select(StoredViolation.Segment)], v.Message))]);

    public SchemaVerdict ToVerdict() =>
        new([.. Violations.Select(v => new SchemaViolation(v.Kind, [.. v.Path.Select(StoredViolation.Segment)], v.Message))]);
}

/// <summary>A violation; its path holds mapping keys (JSON strings) and sequence indexes (JSON numbers).</summary>
internal sealed record StoredViolation(ViolationKind Kind, List<JsonElement> Path, string Message)
{
    public static JsonElement Segment(object segment) => segment is int index
        ? JsonSerializer.SerializeToElement(index, SchemaVerdictJson.Default.Int32)
        : JsonSerializer.SerializeToElement(segment.ToString() ?? string.Empty, SchemaVerdictJson.Default.String);

    public static object Segment(JsonElement segment) => segment.ValueKind == JsonValueKind.Number
        ? segment.GetInt32()
        : segment.GetString() ?? throw new FormatException("a path segment is neither a key nor an index");
}

[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, StoredVerdict>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(int))]
[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class SchemaVerdictJson : System.Text.Json.Serialization.JsonSerializerContext;
