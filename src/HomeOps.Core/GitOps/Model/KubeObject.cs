using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.Model;

/// <summary>One Kubernetes object as Flux would apply it (after kustomize, substitution and Helm rendering).</summary>
public sealed class KubeObject
{
    public const string OriginAnnotation = "config.kubernetes.io/origin";

    /// <param name="defaultNamespace">The namespace an object without metadata.namespace lands in (a Helm release's namespace).</param>
    public KubeObject(YamlMapping root, ObjectOrigin origin, string? defaultNamespace = null)
    {
        Root = root;
        Origin = origin;
        ApiVersion = root.Str("apiVersion") ?? string.Empty;
        Kind = root.Str("kind") ?? string.Empty;
        Name = root.Str("metadata", "name") ?? string.Empty;
        Namespace = root.Str("metadata", "namespace") ?? defaultNamespace;
    }

    public YamlMapping Root { get; }

    public ObjectOrigin Origin { get; }

    public string ApiVersion { get; }

    public string Kind { get; }

    public string Name { get; }

    public string? Namespace { get; }

    public string Group => ApiVersion.Contains('/', StringComparison.Ordinal) ? ApiVersion[..ApiVersion.IndexOf('/', StringComparison.Ordinal)] : string.Empty;

    public string Version => ApiVersion.Contains('/', StringComparison.Ordinal) ? ApiVersion[(ApiVersion.IndexOf('/', StringComparison.Ordinal) + 1)..] : ApiVersion;

    public ObjectKey Key => new(Group, Kind, Namespace, Name);

    public IReadOnlyDictionary<string, string> Labels => Root.StringMap("metadata", "labels");

    public IReadOnlyDictionary<string, string> Annotations => Root.StringMap("metadata", "annotations");

    public YamlNode? Spec => Root["spec"];

    /// <summary>A hash of the object's content, not its position (<see cref="YamlContentHash"/>); computed once.</summary>
    public string ContentHash => _contentHash ??= YamlContentHash.Of(Root);

    private string? _contentHash;

    public bool Is(string group, string kind) => string.Equals(Group, group, StringComparison.Ordinal) && string.Equals(Kind, kind, StringComparison.Ordinal);

    public override string ToString() => Key.ToString();
}
