using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HomeOps.Fakes.Kubernetes;
using YamlDotNet.RepresentationModel;

namespace HomeOps.Fakes.Controllers;

/// <summary>
/// kustomize-controller reading the tree from the artifact of the Kustomization's GitRepository: when
/// <see cref="Source"/> serves the repository's URL and branch (<see cref="GitSourceController.Repositories"/>), a
/// Kustomization is Ready only if its source is Ready ("Source artifact not found, retrying in 30s", reason
/// ArtifactFailed) and its spec.path exists in that folder ("kustomization path not found: stat
/// /tmp/kustomization-N/PATH: no such file or directory", ArtifactFailed, the wording users report). Once Ready it
/// creates the Flux Kustomizations its path holds, read as kustomize builds it: the kustomization.yaml's resources
/// (files and folders, recursively), or every YAML file below the path when it has none (Flux generates one).
/// Does not model: building or applying anything but Flux Kustomizations, components, patches, substitution.
/// </summary>
public sealed partial class FluxController
{
    private static readonly Regex s_integer = new("^-?[0-9]+$", RegexOptions.CultureInvariant);

    /// <summary>source-controller, whose repositories hold the tree; null or serving none: the fixed <see cref="Tree"/>.</summary>
    public GitSourceController? Source { get; set; }

    /// <summary>The folder of the Kustomization's source artifact, or the reason it is not available.</summary>
    private (string? Root, string? Failure) Artifact(FakeKubeStore store, JsonObject k)
    {
        var repositories = store.TypeOf("source.toolkit.fluxcd.io/v1", "GitRepository");
        var source = k["spec"]?["sourceRef"];
        var repo = repositories is null ? null
            : store.Get(repositories, source?["namespace"]?.GetValue<string>() ?? FakeKubeStore.NamespaceOf(k), source?["name"]?.GetValue<string>() ?? "flux-system");
        var ready = repo?["status"]?["conditions"] is JsonArray c && c.Any(x => x?["type"]?.GetValue<string>() == "Ready" && x["status"]?.GetValue<string>() == "True");
        if (repo is null || !ready || Source?.Checkout(repo) is not { } root)
        {
            return (null, "Source artifact not found, retrying in 30s");
        }

        var path = k["spec"]?["path"]?.GetValue<string>() ?? "./";
        var full = Path.GetFullPath(Path.Combine(root, path.TrimStart('.', '/')));
        return Directory.Exists(full) || File.Exists(full)
            ? (full, null)
            : (null, string.Create(CultureInfo.InvariantCulture, $"kustomization path not found: stat /tmp/kustomization-{(uint)root.GetHashCode()}/{path.TrimStart('.', '/')}: no such file or directory"));
    }

    /// <summary>True when the Kustomization's source is served by <see cref="Source"/> (else the fixed tree models it).</summary>
    private bool ReadsSource(FakeKubeStore store, JsonObject k)
    {
        if (Source is not { Repositories.Count: > 0 })
        {
            return false;
        }

        var repositories = store.TypeOf("source.toolkit.fluxcd.io/v1", "GitRepository");
        var source = k["spec"]?["sourceRef"];
        return repositories is not null && store.Get(repositories, source?["namespace"]?.GetValue<string>() ?? FakeKubeStore.NamespaceOf(k), source?["name"]?.GetValue<string>() ?? "flux-system") is not null;
    }

    /// <summary>Creates the Flux Kustomizations the built path holds that do not exist yet.</summary>
    private static void ApplyKustomizations(FakeKubeStore store, FakeResourceType type, JsonObject parent, string path)
    {
        foreach (var doc in Build(path).Where(d => d["kind"]?.GetValue<string>() == "Kustomization"
            && d["apiVersion"]?.GetValue<string>()?.StartsWith("kustomize.toolkit.fluxcd.io/", StringComparison.Ordinal) == true))
        {
            var ns = doc["metadata"]?["namespace"]?.GetValue<string>() ?? FakeKubeStore.NamespaceOf(parent);
            if (store.Get(type, ns, doc["metadata"]?["name"]?.GetValue<string>() ?? string.Empty) is null)
            {
                doc.Remove("status");
                store.Create(type, ns, doc);
            }
        }
    }

    private static List<JsonObject> Build(string path)
    {
        if (File.Exists(path))
        {
            return Documents(path);
        }

        var kustomization = new[] { "kustomization.yaml", "kustomization.yml", "Kustomization" }.Select(f => Path.Combine(path, f)).FirstOrDefault(File.Exists);
        if (kustomization is null)
        {
            return [.. Directory.EnumerateFiles(path, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).SelectMany(Documents)];
        }

        var resources = Documents(kustomization).FirstOrDefault()?["resources"] as JsonArray ?? [];
        return [.. resources.Select(r => r?.GetValue<string>() ?? string.Empty)
            .Where(r => r.Length > 0 && !r.Contains("://", StringComparison.Ordinal))
            .Select(r => Path.GetFullPath(Path.Combine(path, r)))
            .Where(r => File.Exists(r) || Directory.Exists(r))
            .SelectMany(Build)];
    }

    private static List<JsonObject> Documents(string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(file)));
        return [.. stream.Documents.Select(d => ToJson(d.RootNode)).OfType<JsonObject>()];
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(e => KeyValuePair.Create(((YamlScalarNode)e.Key).Value ?? string.Empty, ToJson(e.Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(ToJson)]),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } s => s.Value switch
        {
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            null or "" or "null" or "~" => null,
            var v when s_integer.IsMatch(v) => JsonValue.Create(long.Parse(v, CultureInfo.InvariantCulture)),
            var v => JsonValue.Create(v),
        },
        YamlScalarNode s => JsonValue.Create(s.Value ?? string.Empty),
        _ => null,
    };
}
