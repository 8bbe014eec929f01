using HomeOps.Core.Yaml;

namespace HomeOps.Tree.Tests.Tree;

/// <summary>Reading values out of positioned YAML nodes by key path.</summary>
internal static class YamlQuery
{
    public static YamlNode? At(this YamlNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            node = node is YamlMapping mapping ? mapping[key] : null;
        }

        return node;
    }

    public static string? Text(this YamlNode? node, params string[] path) =>
        node.At(path) is YamlScalar { IsNull: false } scalar ? scalar.Value : null;

    public static IReadOnlyList<YamlNode> Items(this YamlNode? node, params string[] path) =>
        node.At(path) is YamlSequence sequence ? sequence.Items : [];

    public static IEnumerable<YamlEntry> Entries(this YamlNode? node, params string[] path) =>
        node.At(path) is YamlMapping mapping ? mapping.Entries : [];

    /// <summary>Every mapping in the tree below (and including) the node.</summary>
    public static IEnumerable<YamlMapping> Mappings(this YamlNode? node)
    {
        switch (node)
        {
            case YamlMapping mapping:
                yield return mapping;
                foreach (var entry in mapping.Entries)
                {
                    foreach (var inner in entry.Value.Mappings())
                    {
                        yield return inner;
                    }
                }

                break;
            case YamlSequence sequence:
                foreach (var item in sequence.Items)
                {
                    foreach (var inner in item.Mappings())
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }
}
