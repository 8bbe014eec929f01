using System.Text.RegularExpressions;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Build;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Schema;
using HomeOps.Core.Yaml;

namespace HomeOps.Operations.GitOps;

/// <summary>
/// Registers the CRDs of a schema-folder file by group, kind and scope read from the text, deferring the full
/// parse until a kind is used (a folder of upstream CRDs is several megabytes of YAML).
/// </summary>
public static partial class CrdFiles
{
    public static void Register(SchemaRegistry registry, string text, string file)
    {
        foreach (var doc in BuildOutput.SplitDocuments(text))
        {
            if (!doc.Contains("kind: CustomResourceDefinition", StringComparison.Ordinal))
            {
                continue;
            }

            var group = Group().Match(doc);
            var kind = NamesKind().Match(doc);
            var scope = Scope().Match(doc);
            var captured = doc;
            if (group.Success && kind.Success)
            {
                registry.AddLazyCrd(group.Groups[1].Value.Trim('"', '\''), kind.Groups[1].Value.Trim('"', '\''), scope.Groups[1].Value.Trim('"', '\'') != "Cluster",
                    () => YamlReader.ReadAll(captured, file, new DiagnosticBag()).FirstOrDefault() as YamlMapping, file, () => BuildCache.Hash([captured]));
            }
            else if (YamlReader.ReadAll(doc, file, new DiagnosticBag()).FirstOrDefault() is YamlMapping m && m.Str("kind") == "CustomResourceDefinition")
            {
                registry.AddCrd(m, file);
            }
        }
    }

    [GeneratedRegex(@"^  group: *(\S+)", RegexOptions.Multiline)]
    private static partial Regex Group();

    [GeneratedRegex(@"^  names:\s*\n(?:    .*\n)*?    kind: *(\S+)", RegexOptions.Multiline)]
    private static partial Regex NamesKind();

    [GeneratedRegex(@"^  scope: *(\S+)", RegexOptions.Multiline)]
    private static partial Regex Scope();
}
