using HomeOps.Core.Talos.Documents;

namespace HomeOps.Core.Schema;

/// <summary>
/// Puts every mapping in the order talosctl writes it: schema-described objects in Go struct field order (the
/// schema's property order), free-form maps (extraArgs, sysctls, kubelet extraConfig, ...) sorted by key as Go sorts
/// map keys. The output then does not depend on the order patches were written in.
/// </summary>
public static class DocumentOrder
{
    public static void Apply(DocMap document, TalosSchema schema)
    {
        var root = schema.For(document);
        Order(document, root, schema);
        if (TalosDocument.IsV1Alpha1(document) && document.Find("persist") is { } persist)
        {
            // persist is decoded by Talos but missing from the published schema; talosctl writes it after debug.
            document.Entries.Remove(persist);
            var at = document.Entries.FindIndex(e => e.Key is "machine" or "cluster");
            document.Entries.Insert(at < 0 ? document.Entries.Count : at, persist);
        }
    }

    private static void Order(DocNode node, SchemaNode? schemaNode, TalosSchema schema)
    {
        var s = schemaNode is null ? null : schema.Resolve(schemaNode);
        switch (node)
        {
            case DocMap map:
                var properties = s?.PropertiesOrEmpty.Keys.ToList() ?? [];
                if (properties.Count > 0)
                {
                    var index = new Dictionary<string, int>(StringComparer.Ordinal);
                    for (var i = 0; i < properties.Count; i++)
                    {
                        index[properties[i]] = i;
                    }

                    // Stable: keys the schema does not know (reported by the validator) keep their place at the end.
                    var ordered = map.Entries.Select((e, i) => (e, i)).OrderBy(x => index.GetValueOrDefault(x.e.Key, int.MaxValue)).ThenBy(x => x.i).Select(x => x.e).ToList();
                    map.Entries.Clear();
                    map.Entries.AddRange(ordered);
                }
                else
                {
                    map.Entries.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
                }

                foreach (var entry in map.Entries)
                {
                    Order(entry.Value, s?.ValueSchema(entry.Key), schema);
                }

                break;
            case DocList list:
                foreach (var item in list.Items)
                {
                    Order(item, s?.Items, schema);
                }

                break;
        }
    }
}
