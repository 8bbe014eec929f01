using System.Text.Json;
using System.Text.Json.Serialization;
using HomeOps.Runtime.Files;

namespace HomeOps.Operations.Bootstrap;

/// <summary>
/// The per-cluster record of which steps finished, for --resume. Holds names, times and facts (the API address that
/// answered, a fingerprint of rendered inputs), never a secret. Written atomically after every change.
/// </summary>
public sealed class BootstrapState
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Cluster { get; set; } = string.Empty;

    public Dictionary<string, StepRecord> Steps { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Facts steps leave for later steps and runs (for example "apiServer").</summary>
    public Dictionary<string, string> Facts { get; set; } = new(StringComparer.Ordinal);

    public bool IsDone(string step) => Steps.TryGetValue(step, out var r) && r.Status == StepStatus.Done;

    public static BootstrapState Load(IFileSystem files, string path, string cluster)
    {
        if (!files.FileExists(path))
        {
            return new BootstrapState { Cluster = cluster };
        }

        try
        {
            return JsonSerializer.Deserialize<BootstrapState>(files.ReadAllText(path), s_json) ?? new BootstrapState { Cluster = cluster };
        }
        catch (JsonException)
        {
            // A damaged state file only costs probes: every step re-checks the cluster before acting.
            return new BootstrapState { Cluster = cluster };
        }
    }

    public void Save(IFileSystem files, string path)
    {
        files.CreateDirectory(Path.GetDirectoryName(path)!);
        files.WriteAllTextAtomic(path, JsonSerializer.Serialize(this, s_json) + "\n");
    }
}
