using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Flux;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>HO4008: a HelmRelease whose chart source (sourceRef or chartRef) is not in the tree.</summary>
public sealed class HelmSourceRule : IGitOpsRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.HelmSourceMissing];

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        foreach (var release in context.Tree.Kustomizations.SelectMany(k => k.Releases))
        {
            var spec = release.Spec;
            var reference = spec.ChartRef ?? spec.SourceRef;
            if (reference is null)
            {
                continue;
            }

            var group = reference.Kind == "HelmChart" || reference.Kind.EndsWith("Repository", StringComparison.Ordinal) || reference.Kind == "Bucket" ? FluxKinds.SourceGroup : string.Empty;
            if (Providers.Of(context, group, reference.Kind, reference.Name, reference.Namespace).Count == 0)
            {
                yield return DiagnosticCatalog.HelmSourceMissing.At(spec.Object.Origin.Locate(reference.Path), spec.Id, reference, reference.Kind);
            }
        }
    }
}
