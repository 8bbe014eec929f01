using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Talos.Documents;
using HomeOps.Core.Talos.Patches;
using HomeOps.Core.Schema;
using HomeOps.Core.Talos.Secrets;

namespace HomeOps.Core.Talos.Rendering;

/// <summary>
/// Builds every node's machine config: Talos v1.10 defaults, then cluster.yaml, then the patch files
/// (all, then the node's role, then nodes/&lt;name&gt;, each folder in file-name order), then Talos's field order;
/// then checks each document against the schema, Talos's own validation rules and HomeOps's semantic rules.
/// Without secrets the structure is built and checked the same way, with secret values left empty (nothing can be
/// written from such a render).
/// </summary>
public static class TalosRenderer
{
    public static TalosRenderResult Render(ClusterDefinition config, string clusterFile, IReadOnlyList<TalosPatch> patches, LoadedSecrets? secrets, DateTimeOffset now)
    {
        var diagnostics = new DiagnosticBag();
        var schema = TalosSchema.Embedded;
        var names = config.Nodes.Select(n => n.Name).ToList();
        foreach (var patch in patches.Where(p => p.Scope == PatchScope.Node && !names.Contains(p.NodeName!, StringComparer.Ordinal)).DistinctBy(p => p.NodeName))
        {
            diagnostics.Add(DiagnosticCatalog.PatchUnknownNode.At(SourceSpan.File(patch.Path), Folder(patch.Path), patch.NodeName, string.Join(", ", names)));
        }

        var nodes = new List<RenderedNode>();
        foreach (var node in config.Nodes)
        {
            var context = new NodeContext(config, node, secrets?.Bundle, SourceSpan.File(clusterFile));
            var main = BaseConfig.Build(context);
            var documents = new List<DocMap> { main };
            ClusterLayer.Apply(context, main, documents);
            var merger = new PatchMerger(diagnostics);
            foreach (var patch in Applicable(patches, node))
            {
                merger.Apply(documents, patch);
            }

            // The v1alpha1 document first, as talosctl writes it; the others keep their order.
            documents.Sort((a, b) => TalosDocument.IsV1Alpha1(b).CompareTo(TalosDocument.IsV1Alpha1(a)));
            var validator = new TalosDocumentValidator(schema, diagnostics);
            foreach (var document in documents)
            {
                DocumentOrder.Apply(document, schema);
                validator.Validate(document);
            }

            SemanticChecks.Check(context, documents, diagnostics);
            Rules.TalosRules.Check(node.Name, documents, diagnostics);
            nodes.Add(new RenderedNode(node, $"{config.Cluster.Name}-{node.Name}.yaml", documents, context.Schematic));
        }

        var talosconfig = secrets is null ? null : TalosconfigBuilder.Build(config, secrets, now);
        // A patch shared by several nodes reports the same problem once per node; once is enough.
        var unique = diagnostics.Items.DistinctBy(d => (d.Code, d.Location, d.Message)).ToList();
        return new TalosRenderResult(nodes, talosconfig, DiagnosticBag.Sort(unique), patches.Select(p => p.Path).Distinct().Count());
    }

    /// <summary>The patches that apply to <paramref name="node"/>, in layer order.</summary>
    public static IEnumerable<TalosPatch> Applicable(IReadOnlyList<TalosPatch> patches, NodeSettings node)
    {
        var role = node.Role == NodeRole.ControlPlane ? PatchScope.ControlPlane : PatchScope.Worker;
        return patches.Where(p => p.Scope == PatchScope.All)
            .Concat(patches.Where(p => p.Scope == role))
            .Concat(patches.Where(p => p.Scope == PatchScope.Node && p.NodeName == node.Name));
    }

    private static string Folder(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? path : path[..slash];
    }
}
