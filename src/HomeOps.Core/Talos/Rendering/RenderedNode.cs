using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Talos.Documents;
using HomeOps.Core.Talos.Schematics;

namespace HomeOps.Core.Talos.Rendering;

/// <summary>One node's machine config: the v1alpha1 document first, then the other documents, and its schematic.</summary>
public sealed record RenderedNode(NodeSettings Node, string FileName, IReadOnlyList<DocMap> Documents, Schematic Schematic)
{
    public DocMap Main => Documents[0];

    public string Yaml(SecretHandling secrets) => DocYamlWriter.Write(Documents, secrets);
}
