using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Flux;
using HomeOps.Core.Text;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>HO4001 dependsOn naming nothing, HO4002 dependency cycles (with the path).</summary>
public sealed class DependencyRules : IGitOpsRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.DependsOnUnknown, DiagnosticCatalog.DependencyCycle];

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        var ids = context.Tree.Kustomizations.Select(k => k.Id).ToList();
        foreach (var k in context.Tree.Kustomizations)
        {
            foreach (var d in k.Spec.DependsOn)
            {
                var id = FluxKustomization.IdOf(d.Namespace, d.Name);
                if (context.Tree.Find(id) is not null)
                {
                    continue;
                }

                var sameName = context.Tree.Kustomizations.Find(x => x.Spec.Name == d.Name);
                var hint = sameName is not null
                    ? $"'{d.Name}' exists in namespace {sameName.Spec.Namespace}: set namespace: {sameName.Spec.Namespace} (dependsOn defaults to the dependent's namespace)"
                    : Suggestions.Closest(d.Name, context.Tree.Kustomizations.Select(x => x.Spec.Name)) is { } close
                        ? $"Did you mean '{close}'?"
                        : "Name a Kustomization of the tree (namespace/name); Flux waits forever for one that does not exist";
                yield return DiagnosticCatalog.DependsOnUnknown.At(k.Spec.Object.Origin.Locate(d.Path), k.Id, id, hint);
            }
        }

        if (context.Graph.FindCycle() is { } cycle)
        {
            var first = context.Tree.Find(cycle[0])!;
            var next = cycle[1];
            var entry = first.Spec.DependsOn.FirstOrDefault(d => FluxKustomization.IdOf(d.Namespace, d.Name) == next);
            yield return DiagnosticCatalog.DependencyCycle.At(entry is null ? first.Spec.Object.Origin.Span : first.Spec.Object.Origin.Locate(entry.Path), string.Join(" → ", cycle));
        }
    }
}
