using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.Rules;

public sealed partial class NamespaceRule
{
    private static readonly string[] s_kustomizationFiles = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

    /// <summary>
    /// Where the object's namespace is written: its own metadata.namespace, else the nearest kustomization file at or
    /// above the object's file whose `namespace:` set it (kustomize's namespace transformer), else the object.
    /// </summary>
    private static SourceSpan Where(RuleContext context, KubeObject obj)
    {
        if (obj.Origin.Source is { } source && source.Root.Str("metadata", "namespace") is not null)
        {
            return obj.Origin.Locate("metadata", "namespace");
        }

        var folder = obj.Origin.File;
        while (folder.Contains('/', StringComparison.Ordinal))
        {
            folder = folder[..folder.LastIndexOf('/')];
            foreach (var name in s_kustomizationFiles)
            {
                var file = $"{folder}/{name}";
                if (context.Tree.Sources.Tree.ReadText(file) is { } text
                    && YamlReader.ReadAll(text, file, new DiagnosticBag()).FirstOrDefault() is YamlMapping root
                    && root.Find("namespace") is { } entry && entry.Value.Str() == obj.Namespace)
                {
                    return entry.Key.Span;
                }
            }
        }

        return obj.Origin.Locate("metadata", "namespace");
    }
}
