using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.Schema;

/// <summary>
/// Every schema validation can use: the built-in kinds of the cluster's Kubernetes version, and the CRDs found in the
/// rendered tree, in rendered charts, or in schema folders. The first CRD seen for a kind wins.
/// </summary>
public sealed class SchemaRegistry(BuiltinSchemas? builtin)
{
    private readonly Dictionary<string, KindSchema> _crdVersions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (bool Namespaced, List<string> Versions, string Source)> _crdKinds = new(StringComparer.Ordinal);

    private readonly Dictionary<string, (bool Namespaced, Func<YamlMapping?> Load, string Source)> _lazy = new(StringComparer.Ordinal);

    public BuiltinSchemas? Builtin => builtin;

    /// <summary>
    /// Registers a CRD by group and kind without parsing it yet: schema folders hold megabytes of CRDs and a tree
    /// uses a few of them, so each is parsed on first use.
    /// </summary>
    public void AddLazyCrd(string group, string kind, bool namespaced, Func<YamlMapping?> load, string source)
    {
        var key = $"{group}/{kind}";
        if (!_crdKinds.ContainsKey(key))
        {
            _lazy.TryAdd(key, (namespaced, load, source));
        }
    }

    private void Materialize(string group, string kind)
    {
        if (_lazy.Remove($"{group}/{kind}", out var lazy) && lazy.Load() is { } crd)
        {
            AddCrd(crd, lazy.Source);
        }
    }

    private static string GroupOf(string apiVersion) =>
        apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)] : string.Empty;

    /// <summary>Adds the schemas of a CustomResourceDefinition object; returns false when it is not a usable CRD.</summary>
    public bool AddCrd(YamlMapping crd, string source)
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
            _crdVersions[$"{group}/{name}/{kind}"] = new KindSchema($"{group}/{name}", kind, SchemaParser.FromYaml(schema), namespaced, source);
        }

        _crdKinds[$"{group}/{kind}"] = (namespaced, versions, source);
        return true;
    }

    public KindSchema? Find(string apiVersion, string kind)
    {
        if (builtin?.Find(apiVersion, kind) is { } found)
        {
            return found;
        }

        Materialize(GroupOf(apiVersion), kind);
        return _crdVersions.GetValueOrDefault($"{apiVersion}/{kind}");
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
