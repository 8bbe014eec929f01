using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Diagnostics;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>HO3211 the same object twice in one Kustomization (directly and from a chart, or from two charts); HO3212 in two Kustomizations.</summary>
public sealed class DuplicateObjectRule : IGitOpsRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.DuplicateObject, DiagnosticCatalog.ObjectManagedTwice];

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        var owners = new Dictionary<Model.ObjectKey, string>();
        foreach (var k in context.Tree.Kustomizations)
        {
            var seen = new Dictionary<Model.ObjectKey, Model.KubeObject>();
            foreach (var obj in k.AllObjects)
            {
                var key = obj.Key with { Namespace = context.IsNamespaced(obj) == false ? null : obj.Key.Namespace };
                if (seen.TryGetValue(key, out var first))
                {
                    yield return DiagnosticCatalog.DuplicateObject.At(obj.Origin.Span, key, k.Id, $"first from {first.Origin.Describe()} at {first.Origin.File}:{first.Origin.Line}");
                    continue;
                }

                seen[key] = obj;
                if (owners.TryGetValue(key, out var owner) && owner != k.Id)
                {
                    yield return DiagnosticCatalog.ObjectManagedTwice.At(obj.Origin.Span, key, owner, k.Id);
                }
                else
                {
                    owners[key] = k.Id;
                }
            }
        }
    }
}
