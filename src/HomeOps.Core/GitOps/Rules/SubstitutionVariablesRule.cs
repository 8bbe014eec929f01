using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Build;
using HomeOps.Core.GitOps.Model;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>
/// HO3204 postBuild variables nothing references (inline ones per Kustomization; a shared substituteFrom ConfigMap's
/// keys when no Kustomization reading it references them) and HO3205 variables referenced but never defined.
/// </summary>
public sealed class SubstitutionVariablesRule : IGitOpsRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.SubstitutionVariableUnused, DiagnosticCatalog.SubstitutionVariableUndefined];

    /// <summary>
    /// Whether the variable is written in the Kustomization's own file. A parent that patches defaults into every
    /// child Kustomization (postBuild.substitute CLUSTER: ${CLUSTER} for all of them) defines variables a child may
    /// not need; that is a shared default, not a dead line in the child.
    /// </summary>
    private static bool WrittenHere(KustomizationNode k, string key) =>
        k.Spec.Object.Origin.Source is not { } source || source.Root.At("spec", "postBuild", "substitute", key) is not null;

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        var sharedUse = new Dictionary<(string Ns, string Kind, string Name), HashSet<string>>();
        foreach (var k in context.Tree.Kustomizations.Where(k => k.Built && k.Spec.PostBuild is not null))
        {
            foreach (var key in k.Spec.PostBuild!.Substitute.Keys)
            {
                if (!k.UsedVariables.Contains(key) && WrittenHere(k, key))
                {
                    yield return DiagnosticCatalog.SubstitutionVariableUnused.At(k.Spec.Object.Origin.Locate("spec", "postBuild", "substitute", key), key, k.Id);
                }
            }

            foreach (var from in k.Spec.PostBuild.SubstituteFrom)
            {
                var id = (k.Spec.Namespace, from.Kind, from.Name);
                if (!sharedUse.TryGetValue(id, out var set))
                {
                    sharedUse[id] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.UnionWith(k.UsedVariables);
            }
        }

        foreach (var ((ns, kind, name), used) in sharedUse)
        {
            var source = context.Tree.AllObjects.FirstOrDefault(o => o.Kind == kind && o.Group.Length == 0 && o.Name == name && o.Namespace == ns);
            if (source is null || kind != "ConfigMap")
            {
                continue;
            }

            foreach (var key in source.Root.StringMap("data").Keys.Where(key => !used.Contains(key)))
            {
                yield return DiagnosticCatalog.SubstitutionVariableUnused.At(source.Origin.Locate("data", key), key, $"ConfigMap {ns}/{name} (read by every Kustomization that substitutes from it)");
            }
        }

        foreach (var group in context.UndefinedVariables.Where(u => !context.NodeOf(u.Object).VariablesIncomplete).GroupBy(u => (u.Variable, u.Object.Origin.Kustomization, u.Object.Origin.File)))
        {
            var (variable, obj) = group.First();
            var at = BuildOutput.LocateText(context.Tree.Sources, obj.Origin, "${" + variable + "}");
            yield return DiagnosticCatalog.SubstitutionVariableUndefined.At(at, variable, obj, obj.Origin.Kustomization);
        }
    }
}
