using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>
/// HO3211 the same object twice in one Kustomization (directly and from a chart, or from two charts); HO3212 in two
/// Kustomizations. The same CRD from the crds/ folder of two releases of one chart is neither: Helm creates such a CRD
/// when it is absent and no release owns it (helm v3.16.1 pkg/action/install.go:160-173), so with the same content the
/// releases never disagree about it.
/// </summary>
public sealed class DuplicateObjectRule : IGitOpsRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.DuplicateObject, DiagnosticCatalog.ObjectManagedTwice];

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        var owners = new Dictionary<Model.ObjectKey, (string Id, KubeObject Object)>();
        foreach (var k in context.Tree.Kustomizations)
        {
            var seen = new Dictionary<Model.ObjectKey, Model.KubeObject>();
            foreach (var obj in k.AllObjects)
            {
                var key = obj.Key with { Namespace = context.IsNamespaced(obj) == false ? null : obj.Key.Namespace };
                if (seen.TryGetValue(key, out var first))
                {
                    if (SameChartCrd(first, obj))
                    {
                        continue;
                    }

                    yield return DiagnosticCatalog.DuplicateObject.At(obj.Origin.Span, key, k.Id, $"first from {first.Origin.Describe()} at {first.Origin.File}:{first.Origin.Line}");
                    continue;
                }

                seen[key] = obj;
                if (owners.TryGetValue(key, out var owner) && owner.Id != k.Id)
                {
                    if (!SameChartCrd(owner.Object, obj))
                    {
                        yield return DiagnosticCatalog.ObjectManagedTwice.At(obj.Origin.Span, key, owner.Id, k.Id);
                    }
                }
                else
                {
                    owners[key] = (k.Id, obj);
                }
            }
        }
    }

    private static bool SameChartCrd(KubeObject a, KubeObject b) =>
        a.Origin.FromChartCrdsFolder && b.Origin.FromChartCrdsFolder && a.Root["spec"] is { } specA && b.Root["spec"] is { } specB
        && string.Equals(YamlWriter.Write(specA), YamlWriter.Write(specB), StringComparison.Ordinal);
}
