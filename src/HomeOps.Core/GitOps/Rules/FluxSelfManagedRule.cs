using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Build;
using HomeOps.Core.GitOps.Flux;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>
/// HO3213: the tree does not install Flux itself (no controllers, no FluxInstance, no HelmRelease of the flux2,
/// flux-operator or flux-instance chart, whether named by spec.chart or by chartRef), so Flux upgrades never reach
/// the cluster.
/// </summary>
public sealed class FluxSelfManagedRule : IGitOpsRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.FluxNotSelfManaged];

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        if (context.Tree.Root is not { Built: true } root)
        {
            yield break;
        }

        var objects = context.Tree.AllObjects.ToList();
        var managed = objects.Exists(o => o.Kind == "Deployment" && o.Group == "apps" && FluxKinds.Controllers.Contains(o.Name))
            || objects.Exists(o => o.Kind == "FluxInstance" && o.Group == FluxKinds.FluxOperatorGroup)
            || context.Tree.Kustomizations.SelectMany(k => k.Releases).Any(r => ChartIdentity.Of(r.Spec, objects)?.Name is "flux2" or "flux-instance" or "flux-operator");
        if (!managed)
        {
            var file = KustomizeInputs.KustomizationFile(context.Tree.Sources.Tree, root.Spec.Path) ?? root.Spec.Path;
            yield return DiagnosticCatalog.FluxNotSelfManaged.At(Diagnostics.SourceSpan.File(file), root.Spec.Name, file);
        }
    }
}
