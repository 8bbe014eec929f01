namespace HomeOps.Core.Schema;

/// <summary>
/// The Kubernetes built-in kinds of one minor release, from the embedded API data of every release HomeOps knows
/// (<see cref="KubernetesApiPack"/>; see docs/validate.md for where it comes from).
/// </summary>
public sealed class BuiltinSchemas
{
    // Definitions are parsed on first use: a tree touches a few dozen of the ~700, and startup time matters.
    private readonly Dictionary<string, SchemaNode?> _definitions = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly KubernetesApiPack _pack;
    private readonly int _index;
    private readonly Dictionary<string, PackKind> _kinds;

    private BuiltinSchemas(KubernetesApiPack pack, int index)
    {
        _pack = pack;
        _index = index;
        KubernetesVersion = pack.Versions[index];
        _kinds = pack.Kinds.Where(k => k.Value.Served[index] == '1').ToDictionary(k => k.Key, k => k.Value, StringComparer.Ordinal);
        Groups = _kinds.Keys.Select(k => k.Split('/') is { Length: 3 } p ? p[0] : string.Empty).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Minor versions with built-in API data, oldest first.</summary>
    public static IReadOnlyList<string> Available => KubernetesApiPack.Instance.Versions;

    public string KubernetesVersion { get; }

    /// <summary>API groups served by this Kubernetes version ("" is the core group).</summary>
    public IReadOnlySet<string> Groups { get; }

    public static BuiltinSchemas? Load(string minorVersion)
    {
        var pack = KubernetesApiPack.Instance;
        var index = pack.Versions.ToList().IndexOf(minorVersion);
        return index < 0 ? null : new BuiltinSchemas(pack, index);
    }

    /// <summary>
    /// The release whose data stands in for <paramref name="minorVersion"/>: itself when known, else the nearest
    /// known release (the oldest for an older version, the newest for a newer one or an unreadable one).
    /// </summary>
    public static BuiltinSchemas Nearest(string? minorVersion)
    {
        var versions = Available;
        if (minorVersion is not null && Load(minorVersion) is { } exact)
        {
            return exact;
        }

        var older = minorVersion is not null && Compare(minorVersion, versions[0]) < 0;
        return Load(older ? versions[0] : versions[^1])!;
    }

    /// <summary>Compares two "1.NN" minor versions numerically; an unreadable one sorts last.</summary>
    public static int Compare(string a, string b) => Key(a).CompareTo(Key(b));

    private static (int, int) Key(string v) =>
        v.TrimStart('v').Split('.') is [var major, var minor, ..] && int.TryParse(major, out var x) && int.TryParse(minor, out var y) ? (x, y) : (int.MaxValue, int.MaxValue);

    public SchemaNode? Definition(string name)
    {
        lock (_lock)
        {
            if (!_definitions.TryGetValue(name, out var node))
            {
                var body = _pack.BodyOf(name, _index);
                node = body < 0 ? null : SchemaParser.FromJson(_pack.Bodies[body]);
                _definitions[name] = node;
            }

            return node;
        }
    }

    public SchemaNode ObjectMeta => Definition("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta")!;

    /// <summary>Whether this release serves the kind, without parsing its schema.</summary>
    public bool Serves(string apiVersion, string kind) => _kinds.ContainsKey($"{apiVersion}/{kind}");

    /// <summary>Where <see cref="Find"/>'s schemas come from, as messages name it.</summary>
    public string Source => $"Kubernetes {KubernetesVersion}";

    public KindSchema? Find(string apiVersion, string kind) =>
        _kinds.TryGetValue($"{apiVersion}/{kind}", out var k)
            ? new KindSchema(apiVersion, kind, Definition(k.Definition)!, k.Namespaced, Source)
            : null;

    /// <summary>The versions of a group that serve <paramref name="kind"/>, e.g. ["v1"] for policy PodDisruptionBudget.</summary>
    public IReadOnlyList<string> VersionsOf(string group, string kind) =>
        [.. _kinds.Keys
            .Select(k => k.Split('/'))
            .Where(p => (p.Length == 3 && p[0] == group && p[2] == kind) || (group.Length == 0 && p.Length == 2 && p[1] == kind))
            .Select(p => p.Length == 3 ? $"{p[0]}/{p[1]}" : p[0])];

    /// <summary>
    /// When this release no longer serves <paramref name="apiVersion"/> <paramref name="kind"/> but an earlier one did:
    /// the release that removed it and what replaces it (an earlier release of the data, or the migration guide).
    /// </summary>
    public RemovedApi? RemovedBefore(string apiVersion, string kind)
    {
        var key = $"{apiVersion}/{kind}";
        if (_kinds.ContainsKey(key))
        {
            return null;
        }

        if (_pack.Kinds.TryGetValue(key, out var known) && known.Served[.._index].Contains('1', StringComparison.Ordinal))
        {
            var removedIn = _pack.Versions[known.Served.LastIndexOf('1', _index - 1) + 1];
            return new RemovedApi(apiVersion, kind, removedIn, string.Join(" or ", Replacements(apiVersion, kind)));
        }

        return _pack.Removed.FirstOrDefault(r => r.ApiVersion == apiVersion && r.Kind == kind);
    }

    /// <summary>The first later release of the data that stops serving what this release serves, or null.</summary>
    public string? RemovedAfter(string apiVersion, string kind)
    {
        if (!_pack.Kinds.TryGetValue($"{apiVersion}/{kind}", out var known) || known.Served[_index] != '1')
        {
            return null;
        }

        var gone = known.Served.IndexOf('0', _index + 1);
        return gone < 0 ? null : _pack.Versions[gone];
    }

    private IEnumerable<string> Replacements(string apiVersion, string kind) =>
        VersionsOf(apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)] : string.Empty, kind);
}
