using HomeOps.Core.Yaml;

namespace HomeOps.Core.Talos.Documents;

/// <summary>Turns positioned YAML (patch files) into document nodes that remember their file and line.</summary>
public static class DocConverter
{
    public static DocNode FromYaml(YamlNode node, OriginLayer layer)
    {
        var origin = new NodeOrigin(layer, node.Span);
        switch (node)
        {
            case YamlMapping mapping:
                var map = new DocMap(origin);
                foreach (var entry in mapping.Entries)
                {
                    map.Entries.Add(new DocMap.Entry(entry.Key.Value, FromYaml(entry.Value, layer), new NodeOrigin(layer, entry.Key.Span)));
                }

                return map;
            case YamlSequence sequence:
                var list = new DocList(origin);
                list.Items.AddRange(sequence.Items.Select(i => FromYaml(i, layer)));
                return list;
            case YamlScalar scalar:
                return new DocScalar(scalar.Value, ScalarKinds.Classify(scalar), origin);
            default:
                throw new ArgumentException("unknown YAML node", nameof(node));
        }
    }
}
