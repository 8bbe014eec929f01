using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>Lookups of what the tree provides (named objects of a kind) shared by the reference rules.</summary>
internal static class Providers
{
    public static List<KubeObject> Of(RuleContext context, string group, string kind, string? name = null, string? ns = null) =>
        [.. context.Tree.AllObjects.Where(o => o.Kind == kind && o.Group == group && (name is null || o.Name == name) && (ns is null || o.Namespace == ns))];

    /// <summary>StorageClasses, including those a chart ships inside a ConfigMap (Longhorn's longhorn-storageclass).</summary>
    public static List<(string Name, KubeObject Object)> StorageClasses(RuleContext context)
    {
        var result = Of(context, "storage.k8s.io", "StorageClass").Select(o => (o.Name, o)).ToList();
        foreach (var cm in Of(context, string.Empty, "ConfigMap"))
        {
            foreach (var value in cm.Root.StringMap("data").Values.Where(v => v.Contains("kind: StorageClass", StringComparison.Ordinal)))
            {
                if (YamlReader.ReadAll(value, cm.Origin.File, new Diagnostics.DiagnosticBag()).FirstOrDefault() is YamlMapping sc && sc.Str("metadata", "name") is { } n)
                {
                    result.Add((n, cm));
                }
            }
        }

        return result;
    }

    /// <summary>Report "not found" only when every HelmRelease was rendered: a chart could provide it otherwise.</summary>
    public static bool CanReportMissing(RuleContext context) => !context.AnyUnrenderedRelease;

    public static string Known(IEnumerable<string> names)
    {
        var list = names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }
}
