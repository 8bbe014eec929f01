using System.Text.RegularExpressions;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.Kustomize;

/// <summary>
/// A `patches` entry that is one strategic-merge patch with a target (api/internal/builtins/PatchTransformer.go), for
/// kinds kustomize has no schema for (custom resources such as HelmRelease and Kustomization): kyaml's merge2 then
/// merges maps key by key and lets the patch's scalars and lists replace the target's (no merge keys); or a JSON 6902
/// patch (<see cref="KustomizeJsonPatch"/>). Strategic merges of built-in kinds (whose lists merge by key), `$patch`
/// directives and nulls go to the real kustomize.
/// </summary>
internal sealed class KustomizePatch
{
    private readonly Dictionary<string, object?>? _patch;
    private readonly KustomizeJsonPatch? _jsonPatch;
    private readonly Selector _target;

    private KustomizePatch(Dictionary<string, object?>? patch, KustomizeJsonPatch? jsonPatch, Selector target)
    {
        _patch = patch;
        _jsonPatch = jsonPatch;
        _target = target;
    }

    public static KustomizePatch Parse(YamlNode entry, Func<string, string> readFile)
    {
        if (entry is not YamlMapping map || map.Entries.Any(e => e.Key.Value is not ("patch" or "path" or "target")))
        {
            throw new KustomizeUnsupportedException("a patch with options or unknown fields");
        }

        var text = map.Str("patch") is { } inline ? inline.Trim() : map.Str("path") is { } path ? readFile(path) : throw new KustomizeUnsupportedException("a patch without text");
        if (map["target"] is not YamlMapping target)
        {
            throw new KustomizeUnsupportedException("a patch without a target");
        }

        var bag = new DiagnosticBag();
        var documents = YamlReader.ReadAll(text, "patch", bag).Where(d => d is not YamlScalar { IsNull: true }).ToList();
        if (bag.Items.Count == 0 && documents is [YamlSequence operations])
        {
            return new KustomizePatch(null, KustomizeJsonPatch.FromYaml(operations), Selector.Parse(target));
        }

        if (bag.Items.Count > 0 || documents is not [YamlMapping document])
        {
            throw new KustomizeUnsupportedException("a patch that is neither one strategic-merge document nor a JSON 6902 list");
        }

        var patch = KustomizeResource.FromDocument(document).Body;
        CheckMergeable(patch);

        // Resource.CopyMergeMetaDataFieldsFrom re-sets the patch's labels and annotations as strings (an empty map
        // is dropped), before the merge.
        var metadata = patch.Map("metadata")!;
        if (document.Map("metadata")?.Map("labels") is { } labels)
        {
            metadata["labels"] = labels.Entries.ToDictionary(e => e.Key.Value, e => (object?)KustomizeValues.ScalarText(e.Value), StringComparer.Ordinal);
        }

        foreach (var key in (string[])["labels", "annotations"])
        {
            if (metadata.Map(key) is { Count: 0 })
            {
                metadata.Remove(key);
            }
        }
        return new KustomizePatch(patch, null, Selector.Parse(target));
    }

    /// <summary>Applies the patch to every selected resource, as ResMap.ApplySmPatch and Resource.ApplySmPatch do.</summary>
    public void Apply(IReadOnlyList<KustomizeResource> resources)
    {
        foreach (var resource in resources.Where(_target.Matches))
        {
            if (_jsonPatch is not null)
            {
                _jsonPatch.Apply(resource);
                continue;
            }

            if (BuiltinKinds.IsKnown(resource.ApiVersion, resource.Kind))
            {
                throw new KustomizeUnsupportedException($"a strategic-merge patch of the built-in kind {resource.Kind}");
            }

            var (name, ns, kind, apiVersion) = (resource.CurrentName, resource.CurrentNamespace, resource.Kind, resource.ApiVersion);
            var patch = (Dictionary<string, object?>)KustomizeValues.DeepCopy(_patch!)!;
            patch["apiVersion"] = apiVersion;
            Merge(resource.Body, patch);
            resource.Body["kind"] = kind;
            resource.Metadata["name"] = name;
            if (ns.Length == 0)
            {
                resource.Metadata.Remove("namespace");
            }
            else
            {
                resource.Metadata["namespace"] = ns;
            }
        }
    }

    private static void Merge(Dictionary<string, object?> target, Dictionary<string, object?> patch)
    {
        foreach (var (key, value) in patch)
        {
            if (!target.TryGetValue(key, out var existing) || existing is null)
            {
                target[key] = value;
            }
            else if (existing is Dictionary<string, object?> targetMap && value is Dictionary<string, object?> patchMap)
            {
                Merge(targetMap, patchMap);
            }
            else if ((existing is Dictionary<string, object?>) != (value is Dictionary<string, object?>) || (existing is List<object?>) != (value is List<object?>))
            {
                throw new KustomizeUnsupportedException($"a patch that changes the type of '{key}'");
            }
            else
            {
                target[key] = value;
            }
        }
    }

    private static void CheckMergeable(object? value)
    {
        switch (value)
        {
            case null:
                throw new KustomizeUnsupportedException("a null in a strategic-merge patch");
            case Dictionary<string, object?> map:
                foreach (var (key, item) in map)
                {
                    if (key.StartsWith('$'))
                    {
                        throw new KustomizeUnsupportedException($"the patch directive {key}");
                    }

                    CheckMergeable(item);
                }

                break;
            case List<object?> list:
                list.ForEach(CheckMergeable);
                break;
        }
    }

    /// <summary>A patch target (types.Selector): group, version, kind, name and namespace are anchored regular expressions.</summary>
    private sealed record Selector(Regex? Group, Regex? Version, Regex? Kind, Regex? Name, Regex? Namespace)
    {
        public static Selector Parse(YamlMapping target)
        {
            if (target.Entries.Any(e => e.Key.Value is not ("group" or "version" or "kind" or "name" or "namespace")))
            {
                throw new KustomizeUnsupportedException("a patch target with a label or annotation selector");
            }

            return new Selector(Pattern(target, "group"), Pattern(target, "version"), Pattern(target, "kind"), Pattern(target, "name"), Pattern(target, "namespace"));
        }

        public bool Matches(KustomizeResource r) =>
            (Namespace is null || Namespace.IsMatch(Effective(r, r.OriginalNamespace)) || Namespace.IsMatch(Effective(r, r.CurrentNamespace)))
            && (Name is null || Name.IsMatch(r.OriginalName) || Name.IsMatch(r.CurrentName))
            && (Group is null || Group.IsMatch(r.Group)) && (Version is null || Version.IsMatch(r.Version)) && (Kind is null || Kind.IsMatch(r.Kind));

        // resid.ResId.EffectiveNamespace.
        private static string Effective(KustomizeResource r, string ns) => r.IsClusterScoped ? "_non_namespaceable_" : ns.Length == 0 ? "default" : ns;

        private static Regex? Pattern(YamlMapping target, string key)
        {
            var value = target[key] is { } node ? KustomizeValues.ScalarText(node) : null;
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }

            // Plain names only: Go's RE2 and .NET agree on them, and '.' still matches any character as in kustomize.
            return value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '/')
                ? new Regex("^(?:" + value + ")$", RegexOptions.CultureInvariant)
                : throw new KustomizeUnsupportedException($"the patch target pattern '{value}'");
        }
    }
}
