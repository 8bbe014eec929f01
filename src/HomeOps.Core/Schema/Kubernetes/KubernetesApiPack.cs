using System.IO.Compression;
using System.Text.Json;

namespace HomeOps.Core.Schema;

/// <summary>
/// The embedded API data of every Kubernetes minor release HomeOps knows (kubernetes-apis.json.gz, written by
/// scripts/schemas/compact-kubernetes-openapi.py): distinct definition bodies shared by the releases, which body each
/// release gives a definition name, the kinds each release serves, and the APIs removed before the oldest release.
/// Read once per process.
/// </summary>
internal sealed class KubernetesApiPack
{
    private static readonly Lazy<KubernetesApiPack> s_instance = new(Read);

    private KubernetesApiPack(JsonElement root)
    {
        Versions = [.. root.GetProperty("versions").EnumerateArray().Select(v => v.GetString()!)];
        Bodies = root.GetProperty("bodies");
        Definitions = root.GetProperty("definitions").EnumerateObject().ToDictionary(
            p => p.Name,
            p => (IReadOnlyList<(int From, int Body)>)[.. p.Value.EnumerateArray().Select(e => (e[0].GetInt32(), e[1].GetInt32()))],
            StringComparer.Ordinal);
        Kinds = root.GetProperty("kinds").EnumerateObject().ToDictionary(
            p => p.Name,
            p => new PackKind(p.Value.GetProperty("definition").GetString()!, p.Value.GetProperty("namespaced").GetBoolean(), p.Value.GetProperty("served").GetString()!),
            StringComparer.Ordinal);
        Removed = [.. root.GetProperty("removed").EnumerateArray().Select(r => new RemovedApi(
            r.GetProperty("apiVersion").GetString()!, r.GetProperty("kind").GetString()!, r.GetProperty("removedIn").GetString()!, r.GetProperty("replacement").GetString()!))];
    }

    public static KubernetesApiPack Instance => s_instance.Value;

    /// <summary>Minor releases, oldest first ("1.31", ...).</summary>
    public IReadOnlyList<string> Versions { get; }

    /// <summary>The distinct definition bodies; an index into this array is a body id.</summary>
    public JsonElement Bodies { get; }

    /// <summary>Definition name to (first release index, body id or -1 when absent), in release order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<(int From, int Body)>> Definitions { get; }

    /// <summary>"group/version/Kind" (core: "v1/Kind") to its definition, scope and the releases serving it.</summary>
    public IReadOnlyDictionary<string, PackKind> Kinds { get; }

    /// <summary>APIs the Deprecated API Migration Guide lists as removed before the oldest release in the pack.</summary>
    public IReadOnlyList<RemovedApi> Removed { get; }

    /// <summary>The body id release <paramref name="version"/> (an index into <see cref="Versions"/>) gives a definition, or -1.</summary>
    public int BodyOf(string definition, int version)
    {
        if (!Definitions.TryGetValue(definition, out var history))
        {
            return -1;
        }

        var body = -1;
        foreach (var (from, id) in history)
        {
            if (from > version)
            {
                break;
            }

            body = id;
        }

        return body;
    }

    private static KubernetesApiPack Read()
    {
        using var stream = typeof(KubernetesApiPack).Assembly.GetManifestResourceStream("HomeOps.Core.Schemas.kubernetes-apis.json.gz")
            ?? throw new InvalidOperationException("the embedded Kubernetes API data is missing from HomeOps.Core");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        // Cloned so the elements outlive the document; the pack lives as long as the process.
        return new KubernetesApiPack(JsonDocument.Parse(gzip).RootElement.Clone());
    }
}

/// <summary>One kind of the pack: its definition, whether it is namespaced, and "1"/"0" per release for served.</summary>
internal sealed record PackKind(string Definition, bool Namespaced, string Served);

/// <summary>A built-in API removed in <see cref="RemovedIn"/>; <see cref="Replacement"/> is empty when nothing replaces it.</summary>
public sealed record RemovedApi(string ApiVersion, string Kind, string RemovedIn, string Replacement);
