using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.Schema;

/// <summary>
/// Every schema validation can use: the built-in kinds of the cluster's Kubernetes version, and the CRDs found in the
/// rendered tree, in rendered charts, or in schema folders. The first CRD seen for a kind wins.
/// </summary>
public sealed class SchemaRegistry(BuiltinSchemas? builtin)
{
    // Each served version's schema is parsed on first use: a tree's CRDs are large and most kinds are used by few objects.
    private readonly Dictionary<string, Lazy<KindSchema>> _crdVersions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (bool Namespaced, List<string> Versions, string Source, Lazy<string> Fingerprint)> _crdKinds = new(StringComparer.Ordinal);

    private readonly Dictionary<string, (bool Namespaced, Func<YamlMapping?> Load, string Source, Lazy<string> Fingerprint)> _lazy = new(StringComparer.Ordinal);

    public BuiltinSchemas? Builtin => builtin;

    /// <summary>
    /// Registers a CRD by group and kind without parsing it yet: schema folders hold megabytes of CRDs and a tree
    /// uses a few of them, so each is parsed on first use. <paramref name="fingerprint"/> tells the CRD's content
    /// apart from any other (a hash of its text), without parsing it.
    /// </summary>
    public void AddLazyCrd(string group, string kind, bool namespaced, Func<YamlMapping?> load, string source, Func<string> fingerprint)
    {
        var key = $"{group}/{kind}";
        if (!_crdKinds.ContainsKey(key))
        {
            _lazy.TryAdd(key, (namespaced, load, source, new Lazy<string>(fingerprint)));
        }
    }

    private void Materialize(string group, string kind)
    {
        if (_lazy.Remove($"{group}/{kind}", out var lazy) && lazy.Load() is { } crd)
        {
            Add(crd, lazy.Source, lazy.Fingerprint);
        }
    }

    private static string GroupOf(string apiVersion) =>
        apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)] : string.Empty;

    /// <summary>Adds the schemas of a CustomResourceDefinition object; returns false when it is not a usable CRD.</summary>
    public bool AddCrd(YamlMapping crd, string source) => Add(crd, source, new Lazy<string>(() => YamlContentHash.Of(crd)));

    private bool Add(YamlMapping crd, string source, Lazy<string> fingerprint)
    {
        var group = crd.Str("spec", "group");
        var kind = crd.Str("spec", "names", "kind");
        if (group is null || kind is null || _crdKinds.ContainsKey($"{group}/{kind}"))
        {
            return false;
        }

        var namespaced = crd.Str("spec", "scope") != "Cluster";
        var versions = new List<string>();
        foreach (var v in crd.Seq("spec", "versions"))
        {
            var name = v.Str("name");
            if (name is null || v.Bool("served") == false)
            {
                continue;
            }

            versions.Add($"{group}/{name}");
            var schema = v.At("schema", "openAPIV3Schema") ?? crd.At("spec", "validation", "openAPIV3Schema");
            var apiVersion = $"{group}/{name}";
            _crdVersions[$"{apiVersion}/{kind}"] = new Lazy<KindSchema>(() => new KindSchema(apiVersion, kind, SchemaParser.FromYaml(schema), namespaced, source));
        }

        _crdKinds[$"{group}/{kind}"] = (namespaced, versions, source, fingerprint);
        return true;
    }

    public KindSchema? Find(string apiVersion, string kind)
    {
        if (builtin?.Find(apiVersion, kind) is { } found)
        {
            return found;
        }

        Materialize(GroupOf(apiVersion), kind);
        return _crdVersions.GetValueOrDefault($"{apiVersion}/{kind}")?.Value;
    }

    /// <summary>
    /// What <see cref="Find"/> would judge this kind by, told apart from every other schema without parsing it: the
    /// built-in schemas of a Kubernetes version, or a hash of the CRD that defines the kind; and where that schema
    /// comes from, as messages name it (not part of the fingerprint: a CRD moved to another file judges alike). Null
    /// when nothing knows the kind. Schema validation of an object depends on nothing else but the object itself.
    /// </summary>
    public (string Fingerprint, string Source)? Fingerprint(string apiVersion, string kind)
    {
        if (builtin is not null && builtin.Serves(apiVersion, kind))
        {
            return ($"kubernetes {builtin.KubernetesVersion}", builtin.Source);
        }

        var key = $"{GroupOf(apiVersion)}/{kind}";
        return _crdKinds.TryGetValue(key, out var crd) ? ($"crd {crd.Fingerprint.Value}", crd.Source)
            : _lazy.TryGetValue(key, out var lazy) ? ($"crd {lazy.Fingerprint.Value}", lazy.Source)
            : null;
    }

    /// <summary>Whether a kind is namespaced, when any schema knows the kind.</summary>
    public bool? IsNamespaced(string group, string kind)
    {
        if (_lazy.TryGetValue($"{group}/{kind}", out var lazy))
        {
            return lazy.Namespaced;
        }

        if (_crdKinds.TryGetValue($"{group}/{kind}", out var crd))
        {
            return crd.Namespaced;
        }

        if (builtin is not null && builtin.VersionsOf(group, kind) is [var first, ..])
        {
            return builtin.Find(first, kind)?.Namespaced;
        }

        return null;
    }

    /// <summary>
    /// The apiVersions that do serve this kind when <paramref name="apiVersion"/> does not (an unserved version of a
    /// known kind), or null when the version is served or the kind is unknown.
    /// </summary>
    public IReadOnlyList<string>? ServedVersionsIfWrong(string apiVersion, string kind)
    {
        if (Find(apiVersion, kind) is not null)
        {
            return null;
        }

        var group = GroupOf(apiVersion);
        Materialize(group, kind);
        if (_crdKinds.TryGetValue($"{group}/{kind}", out var crd))
        {
            return crd.Versions;
        }

        if (builtin is not null && builtin.Groups.Contains(group) && !_crdKinds.Keys.Concat(_lazy.Keys).Any(k => k.StartsWith(group + "/", StringComparison.Ordinal)))
        {
            return builtin.VersionsOf(group, kind);
        }

        return null;
    }
}
