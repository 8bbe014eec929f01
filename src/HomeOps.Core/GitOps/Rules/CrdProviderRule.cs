using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Model;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>
/// HO4003: an object whose CRD comes from another Kustomization that is not upstream of its own, or from a
/// HelmRelease of its own Kustomization (the chart installs it asynchronously, after the apply that needs it).
/// </summary>
public sealed class CrdProviderRule : IGitOpsRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.CrdProviderNotUpstream];

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        var providers = new Dictionary<string, List<(KustomizationNode Node, KubeObject Crd)>>(StringComparer.Ordinal);
        foreach (var k in context.Tree.Kustomizations)
        {
            foreach (var crd in k.AllObjects.Where(o => o.Kind == "CustomResourceDefinition"))
            {
                if (crd.Root.Str("spec", "group") is { } g && crd.Root.Str("spec", "names", "kind") is { } kind)
                {
                    var key = $"{g}/{kind}";
                    if (!providers.TryGetValue(key, out var list))
                    {
                        providers[key] = list = [];
                    }

                    list.Add((k, crd));
                }
            }
        }

        foreach (var k in context.Tree.Kustomizations)
        {
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var obj in k.Objects.Concat(k.Releases.SelectMany(r => r.Objects)))
            {
                if (!providers.TryGetValue($"{obj.Group}/{obj.Kind}", out var list) || !reported.Add($"{obj.Group}/{obj.Kind}"))
                {
                    continue;
                }

                var ok = list.Exists(p => IsAvailable(context, k, obj, p.Node, p.Crd));
                if (!ok)
                {
                    var (provider, crd) = list[0];
                    var who = crd.Origin.HelmRelease is { } hr ? $"HelmRelease {hr} in Kustomization {provider.Id}" : $"Kustomization {provider.Id}";
                    yield return DiagnosticCatalog.CrdProviderNotUpstream.At(obj.Origin.Span, obj, $"{obj.Kind}.{obj.Group}", who, k.Id, provider.Spec.Name);
                }
            }
        }
    }

    private static bool IsAvailable(RuleContext context, KustomizationNode consumer, KubeObject obj, KustomizationNode provider, KubeObject crd)
    {
        if (provider.Id == consumer.Id)
        {
            // Flux applies a Kustomization's own CRDs first; a chart's CRDs arrive only when the HelmRelease runs,
            // unless the object is itself rendered by that chart.
            return crd.Origin.HelmRelease is null || crd.Origin.HelmRelease == obj.Origin.HelmRelease;
        }

        return context.Upstream(consumer.Id).Contains(provider.Id);
    }
}
