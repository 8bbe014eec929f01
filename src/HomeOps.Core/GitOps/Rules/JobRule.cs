using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Flux;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>HO3216: a Job applied by Flux without force: its immutable template makes the next change fail.</summary>
public sealed class JobRule : IGitOpsRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.JobWithoutForce];

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        foreach (var k in context.Tree.Kustomizations.Where(k => !k.Spec.Force))
        {
            foreach (var job in k.Objects.Where(o => o.Kind == "Job" && o.Group == "batch"))
            {
                if (job.Annotations.GetValueOrDefault(FluxKinds.ForceAnnotation) != "enabled")
                {
                    yield return DiagnosticCatalog.JobWithoutForce.At(job.Origin.Span, $"{job.Namespace}/{job.Name}", k.Id);
                }
            }
        }
    }
}
