using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.Kustomize;

/// <summary>
/// One resource of an in-process build: its JSON model and its original id (kustomize's OrgId, which patch targets
/// also match). The current id is read from the body.
/// </summary>
internal sealed class KustomizeResource(Dictionary<string, object?> body)
{
    public const string OriginAnnotation = "config.kubernetes.io/origin";

    public Dictionary<string, object?> Body { get; } = body;

    public string OriginalName { get; } = Name(body);

    /// <summary>A generated ConfigMap whose name gets kustomize's content hash at the end of the build (<see cref="ConfigMapHash"/>).</summary>
    public bool NeedsHash { get; init; }

    public string OriginalNamespace { get; } = Namespace(body);

    public string ApiVersion => Body.String("apiVersion") ?? string.Empty;

    public string Kind => Body.String("kind") ?? string.Empty;

    public string Group => ApiVersion.Contains('/', StringComparison.Ordinal) ? ApiVersion[..ApiVersion.IndexOf('/', StringComparison.Ordinal)] : string.Empty;

    public string Version => ApiVersion.Contains('/', StringComparison.Ordinal) ? ApiVersion[(ApiVersion.IndexOf('/', StringComparison.Ordinal) + 1)..] : ApiVersion;

    public string CurrentName => Name(Body);

    public string CurrentNamespace => Namespace(Body);

    public bool IsClusterScoped => BuiltinKinds.IsClusterScoped(ApiVersion, Kind);

    /// <summary>The current id as kustomize compares ids: group, version, kind, name and namespace ("" and "default" alike).</summary>
    public string CurrentId => $"{Group}|{Version}|{Kind}|{CurrentName}|{(CurrentNamespace is "" ? "default" : CurrentNamespace)}";

    public Dictionary<string, object?> Metadata => Body.MapOrCreate("metadata");

    /// <summary>
    /// A resource read from a manifest, checked the way kustomize checks it (a kind and a name), with its annotation
    /// values as kyaml re-sets them at the end of every build: the scalar text, as a string.
    /// </summary>
    public static KustomizeResource FromDocument(YamlMapping document)
    {
        if (KustomizeValues.FromYaml(document) is not Dictionary<string, object?> body)
        {
            throw new KustomizeUnsupportedException("a document that is not a mapping");
        }

        foreach (var field in (string[])["apiVersion", "kind"])
        {
            if (body.TryGetValue(field, out var value) && value is not string)
            {
                throw new KustomizeUnsupportedException($"a {field} that is not a string");
            }
        }

        var kind = body.String("kind");
        if (string.IsNullOrEmpty(kind) || kind.EndsWith("List", StringComparison.Ordinal))
        {
            throw new KustomizeUnsupportedException("a document without a kind, or a List");
        }

        if (body.TryGetValue("metadata", out var metadata) && metadata is not Dictionary<string, object?>)
        {
            throw new KustomizeUnsupportedException("metadata that is not a map");
        }

        var meta = body.Map("metadata");
        foreach (var field in (string[])["name", "namespace"])
        {
            if (meta is not null && meta.TryGetValue(field, out var value) && value is not string)
            {
                throw new KustomizeUnsupportedException($"a metadata.{field} that is not a string");
            }
        }

        if (string.IsNullOrEmpty(meta?.String("name")))
        {
            throw new KustomizeUnsupportedException("a resource without metadata.name");
        }

        if (document["metadata"] is YamlMapping yamlMeta && yamlMeta["annotations"] is { } annotations)
        {
            if (annotations is not YamlMapping annotationMap)
            {
                throw new KustomizeUnsupportedException("annotations that are not a map");
            }

            var strings = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var entry in annotationMap.Entries)
            {
                if (IsBuildAnnotation(entry.Key.Value))
                {
                    throw new KustomizeUnsupportedException($"the annotation {entry.Key.Value}, which kustomize manages itself");
                }

                strings[entry.Key.Value] = KustomizeValues.ScalarText(entry.Value);
            }

            meta!["annotations"] = strings;
        }

        return new KustomizeResource(body);
    }

    public void SetOrigin(string originYaml) => Metadata.MapOrCreate("annotations")[OriginAnnotation] = originYaml;

    public KustomizeResource Copy() => new((Dictionary<string, object?>)KustomizeValues.DeepCopy(Body)!);

    private static string Name(Dictionary<string, object?> body) => body.Map("metadata")?.String("name") ?? string.Empty;

    private static string Namespace(Dictionary<string, object?> body) => body.Map("metadata")?.String("namespace") ?? string.Empty;

    /// <summary>Annotations kustomize adds, reads or strips during a build (api/internal/utils/annotations.go, kioutil).</summary>
    private static bool IsBuildAnnotation(string key) =>
        key.StartsWith("config.kubernetes.io/", StringComparison.Ordinal) || key.StartsWith("internal.config.kubernetes.io/", StringComparison.Ordinal)
        || key.StartsWith("kustomize.config.k8s.io/", StringComparison.Ordinal) || key.StartsWith("alpha.config.kubernetes.io/", StringComparison.Ordinal);
}
