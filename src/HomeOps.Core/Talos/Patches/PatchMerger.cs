using HomeOps.Core.Diagnostics;
using HomeOps.Core.Talos.Documents;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.Talos.Patches;

/// <summary>
/// Applies Talos strategic-merge patches (v1.10 semantics): mappings merge key by key, scalars are replaced, lists are
/// appended (or replaced, or merged by key, per <see cref="MergeRules"/>), '$patch: delete' removes a key, a list item
/// or a whole document. Patch documents merge into the document with the same kind and name, or are appended.
/// </summary>
public sealed class PatchMerger(DiagnosticBag diagnostics)
{
    private const string Directive = "$patch";

    /// <summary>Applies every document of <paramref name="patch"/> to <paramref name="documents"/> (the v1alpha1 document first, then the others).</summary>
    public void Apply(List<DocMap> documents, TalosPatch patch)
    {
        foreach (var patchDocument in patch.Documents)
        {
            var target = documents.Find(d => TalosDocument.SameDocument(d, patchDocument));
            if (IsDelete(patchDocument))
            {
                if (target is null || TalosDocument.IsV1Alpha1(target))
                {
                    diagnostics.Add(DiagnosticCatalog.PatchDeleteMissing.At(patchDocument.Origin.Span, TalosDocument.Identity(patchDocument)));
                }
                else
                {
                    documents.Remove(target);
                }

                continue;
            }

            var prefix = TalosDocument.IsV1Alpha1(patchDocument) ? string.Empty : patchDocument.StringAt("kind") + ":";
            if (target is null)
            {
                var added = new DocMap(patchDocument.Origin);
                MergeMap(added, patchDocument, prefix, string.Empty);
                documents.Add(added);
            }
            else
            {
                MergeMap(target, patchDocument, prefix, string.Empty);
            }
        }
    }

    private void MergeMap(DocMap target, DocMap patch, string prefix, string path)
    {
        foreach (var entry in patch.Entries)
        {
            if (entry.Key == Directive)
            {
                continue;
            }

            var childPath = path.Length == 0 ? entry.Key : $"{path}.{entry.Key}";
            if (prefix.Length == 0 && MergeRules.Secrets.Contains(childPath))
            {
                diagnostics.Add(DiagnosticCatalog.PatchSetsSecret.At(entry.KeyOrigin.Span, childPath));
                continue;
            }

            var existing = target.Find(entry.Key);
            if (entry.Value is DocMap patchMap && IsDelete(patchMap))
            {
                if (existing is null)
                {
                    diagnostics.Add(DiagnosticCatalog.PatchDeleteMissing.At(entry.KeyOrigin.Span, childPath));
                }
                else
                {
                    target.Remove(entry.Key);
                }

                continue;
            }

            if (existing is null)
            {
                target.Entries.Add(new DocMap.Entry(entry.Key, Fresh(entry.Value), entry.KeyOrigin));
                continue;
            }

            existing.Value = MergeValue(existing.Value, entry.Value, prefix, childPath);
        }
    }

    private DocNode MergeValue(DocNode existing, DocNode patch, string prefix, string path)
    {
        var rule = prefix + path;
        switch (existing, patch)
        {
            case (DocMap baseMap, DocMap patchMap) when !MergeRules.Replace.Contains(rule):
                MergeMap(baseMap, patchMap, prefix, path);
                return baseMap;
            case (DocList baseList, DocList patchList) when !MergeRules.Replace.Contains(rule):
                MergeList(baseList, patchList, prefix, path);
                return baseList;
            case (DocMap or DocList, DocScalar { Kind: ScalarKind.Null }):
                return existing;
            case (DocScalar or DocSecret, DocScalar) or (DocMap, DocMap) or (DocList, DocList):
                WarnIfOverride(existing, patch, path);
                return Fresh(patch);
            case (DocScalar { Kind: ScalarKind.Null }, _):
                return Fresh(patch);
            default:
                diagnostics.Add(DiagnosticCatalog.PatchTypeConflict.At(patch.Origin.Span, path, Shape(patch), Shape(existing), existing.Origin));
                return existing;
        }
    }

    private void MergeList(DocList target, DocList patch, string prefix, string path)
    {
        var itemPath = path + "[]";
        MergeRules.Keyed.TryGetValue(prefix + path, out var keys);
        foreach (var item in patch.Items)
        {
            if (item is DocMap itemMap && IsDelete(itemMap))
            {
                // Talos deletes the base item whose value for the item's first key matches.
                var first = itemMap.Entries.Find(e => e.Key != Directive);
                var victim = first is null ? -1 : target.Items.FindIndex(i => i is DocMap m && m[first.Key] is { } v && SameValue(v, first.Value));
                if (victim < 0)
                {
                    diagnostics.Add(DiagnosticCatalog.PatchDeleteMissing.At(itemMap.Origin.Span, first is null ? path : $"{path}[{first.Key}: {ScalarText(first.Value)}]"));
                }
                else
                {
                    target.Items.RemoveAt(victim);
                }

                continue;
            }

            if (keys is not null && item is DocMap keyed)
            {
                var match = target.Items.OfType<DocMap>().FirstOrDefault(b => keys.Any(k => keyed[k] is { } v && b[k] is { } bv && SameValue(v, bv)));
                if (match is not null)
                {
                    MergeMap(match, keyed, prefix, itemPath);
                    continue;
                }
            }

            target.Items.Add(Fresh(item));
        }
    }

    private void WarnIfOverride(DocNode existing, DocNode patch, string path)
    {
        if (existing.Origin.Layer == OriginLayer.ClusterConfig && patch.Origin.Layer == OriginLayer.Patch && !SameValue(existing, patch))
        {
            diagnostics.Add(DiagnosticCatalog.PatchOverridesClusterConfig.At(patch.Origin.Span, path, existing.Origin.Span));
        }
    }

    /// <summary>A copy of a patch value with '$patch' directives removed (there is nothing under it to delete).</summary>
    private static DocNode Fresh(DocNode node)
    {
        var copy = node.Clone();
        Strip(copy);
        return copy;
    }

    private static void Strip(DocNode node)
    {
        switch (node)
        {
            case DocMap map:
                map.Entries.RemoveAll(e => e.Key == Directive || (e.Value is DocMap m && IsDelete(m)));
                map.Entries.ForEach(e => Strip(e.Value));
                break;
            case DocList list:
                list.Items.RemoveAll(i => i is DocMap m && IsDelete(m));
                list.Items.ForEach(Strip);
                break;
        }
    }

    private static bool IsDelete(DocMap map) => map[Directive] is DocScalar { Value: "delete" };

    public static bool SameValue(DocNode a, DocNode b) => (a, b) switch
    {
        (DocScalar x, DocScalar y) => x.Value == y.Value,
        (DocSecret x, DocSecret y) => x.Name == y.Name,
        (DocMap x, DocMap y) => x.Entries.Count == y.Entries.Count && x.Entries.All(e => y[e.Key] is { } v && SameValue(e.Value, v)),
        (DocList x, DocList y) => x.Items.Count == y.Items.Count && x.Items.Zip(y.Items).All(p => SameValue(p.First, p.Second)),
        _ => false,
    };

    private static string ScalarText(DocNode node) => node is DocScalar s ? s.Value : Shape(node);

    private static string Shape(DocNode node) => node switch
    {
        DocMap => "mapping",
        DocList => "list",
        _ => "scalar",
    };
}
