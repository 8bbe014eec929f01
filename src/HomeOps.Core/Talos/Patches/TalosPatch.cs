using HomeOps.Core.Diagnostics;
using HomeOps.Core.Talos.Documents;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.Talos.Patches;

/// <summary>One patch file: its scope (all, a role, or one node) and its documents, each node tagged with its file and line.</summary>
public sealed record TalosPatch(string Path, PatchScope Scope, string? NodeName, IReadOnlyList<DocMap> Documents)
{
    /// <summary>Reads a patch file. Files with errors yield no documents, so a broken patch is never half applied.</summary>
    public static TalosPatch Parse(string text, string path, PatchScope scope, string? nodeName, DiagnosticBag diagnostics)
    {
        var errors = diagnostics.ErrorCount;
        var yaml = YamlReader.ReadAll(text, path, diagnostics);
        var documents = new List<DocMap>();
        foreach (var node in yaml)
        {
            switch (node)
            {
                case YamlScalar { IsNull: true }:
                    continue;
                case YamlSequence sequence when sequence.Items.Count > 0 && sequence.Items.All(i => i is YamlMapping m && m.Find("op") is not null && m.Find("path") is not null):
                    diagnostics.Add(DiagnosticCatalog.PatchJson6902.At(sequence.Span));
                    continue;
                case YamlMapping mapping:
                    var document = (DocMap)DocConverter.FromYaml(mapping, OriginLayer.Patch);
                    var deletesDocument = document.StringAt("$patch") == "delete";
                    if (!TalosDocument.IsV1Alpha1(document) && (document.StringAt("apiVersion") is null || document.StringAt("kind") is null) && !deletesDocument)
                    {
                        diagnostics.Add(DiagnosticCatalog.PatchDocumentUnidentified.At(mapping.Span));
                        continue;
                    }

                    documents.Add(document);
                    continue;
                default:
                    diagnostics.Add(DiagnosticCatalog.PatchNotMapping.At(node.Span, node.KindName));
                    continue;
            }
        }

        if (documents.Count == 0 && diagnostics.ErrorCount == errors)
        {
            diagnostics.Add(DiagnosticCatalog.PatchEmpty.At(SourceSpan.File(path), path));
        }

        return new TalosPatch(path, scope, nodeName, diagnostics.ErrorCount > errors ? [] : documents);
    }
}
