using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.Kustomize;

/// <summary>
/// A kustomization file as the in-process build reads it: only the fields it reproduces (resources, components,
/// namespace, patches with a target, configMapGenerator, generatorOptions, buildMetadata). Any other field, or a
/// file kustomize would refuse, throws <see cref="KustomizeUnsupportedException"/>.
/// </summary>
internal sealed record KustomizationFile(
    bool IsComponent,
    IReadOnlyList<string> Resources,
    IReadOnlyList<string> Components,
    string? Namespace,
    IReadOnlyList<YamlNode> Patches,
    IReadOnlyList<YamlNode> ConfigMapGenerators,
    YamlNode? GeneratorOptions,
    bool OriginAnnotations)
{
    private static readonly HashSet<string> s_supported = new(StringComparer.Ordinal)
    {
        "apiVersion", "kind", "metadata", "resources", "components", "namespace", "patches", "configMapGenerator",
        "generatorOptions", "buildMetadata",
    };

    public static KustomizationFile Parse(string text, string path)
    {
        var bag = new DiagnosticBag();
        var documents = YamlReader.ReadAll(text, path, bag);
        if (bag.Items.Count > 0 || documents.Count != 1 || documents[0] is not YamlMapping root)
        {
            throw new KustomizeUnsupportedException($"the kustomization file {path}");
        }

        foreach (var entry in root.Entries)
        {
            if (!s_supported.Contains(entry.Key.Value))
            {
                throw new KustomizeUnsupportedException($"the kustomization field '{entry.Key.Value}'");
            }
        }

        var kind = root.Str("kind") ?? "Kustomization";
        var apiVersion = root.Str("apiVersion");
        var isComponent = kind == "Component";
        var expectedVersion = isComponent ? "kustomize.config.k8s.io/v1alpha1" : "kustomize.config.k8s.io/v1beta1";
        if (kind is not ("Kustomization" or "Component") || (apiVersion is not null && apiVersion != expectedVersion))
        {
            throw new KustomizeUnsupportedException($"kind {kind} with apiVersion {apiVersion}");
        }

        var buildMetadata = Strings(root, "buildMetadata");
        if (buildMetadata.Any(b => b != "originAnnotations"))
        {
            throw new KustomizeUnsupportedException("buildMetadata other than originAnnotations");
        }

        var ns = root["namespace"] is { } nsNode ? KustomizeValues.ScalarText(nsNode) : null;
        return new KustomizationFile(
            isComponent,
            Strings(root, "resources"),
            Strings(root, "components"),
            string.IsNullOrEmpty(ns) ? null : ns,
            List(root, "patches"),
            List(root, "configMapGenerator"),
            root["generatorOptions"],
            buildMetadata.Count > 0);
    }

    private static IReadOnlyList<YamlNode> List(YamlMapping root, string key) => root[key] switch
    {
        null or YamlScalar { IsNull: true } => [],
        YamlSequence s => s.Items,
        _ => throw new KustomizeUnsupportedException($"'{key}' that is not a list"),
    };

    private static List<string> Strings(YamlMapping root, string key) =>
        [.. List(root, key).Select(item => item is YamlScalar { Tag: null, IsNull: false } s ? s.Value : throw new KustomizeUnsupportedException($"an entry of '{key}'"))];
}
