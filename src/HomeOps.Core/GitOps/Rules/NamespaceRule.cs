using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Model;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>
/// HO3006 namespaced object without a namespace, HO4009 namespace nothing creates, HO4032 a Flux targetNamespace
/// nothing creates, HO4012 namespace created only downstream. Reported once per Kustomization and namespace, where the
/// namespace is written: the object's metadata.namespace, else the kustomization.yaml `namespace:` that set it, else
/// the Flux Kustomization's spec.targetNamespace.
/// </summary>
public sealed partial class NamespaceRule : IGitOpsRule
{
    private static readonly HashSet<string> s_builtin = new(StringComparer.Ordinal) { "default", "kube-system", "kube-public", "kube-node-lease" };

    public IReadOnlyList<DiagnosticDescriptor> Descriptors =>
        [DiagnosticCatalog.NamespaceNotSpecified, DiagnosticCatalog.NamespaceNotCreated, DiagnosticCatalog.NamespaceNotUpstream, DiagnosticCatalog.TargetNamespaceNotCreated];

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        var creators = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var k in context.Tree.Kustomizations)
        {
            foreach (var ns in k.AllObjects.Where(o => o.Kind == "Namespace" && o.Group.Length == 0))
            {
                Add(creators, ns.Name, k.Id);
            }

            foreach (var r in k.Releases.Where(r => r.Spec.CreateNamespace))
            {
                Add(creators, r.Spec.TargetNamespace, k.Id);
            }
        }

        foreach (var k in context.Tree.Kustomizations)
        {
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var obj in k.AllObjects)
            {
                var namespaced = context.IsNamespaced(obj);
                if (namespaced != true)
                {
                    continue;
                }

                if (obj.Namespace is null)
                {
                    // Helm fills in the release namespace for chart objects; only Flux-applied objects must name one.
                    if (obj.Origin.HelmRelease is null)
                    {
                        yield return DiagnosticCatalog.NamespaceNotSpecified.At(obj.Origin.Span, obj);
                    }

                    continue;
                }

                // The namespace a Flux Kustomization object lives in exists before it is reconciled (the object could
                // not exist otherwise), and so does the root's (flux-system, made by the bootstrap).
                if (s_builtin.Contains(obj.Namespace) || obj.Namespace == k.Spec.Namespace || obj.Namespace == context.Tree.Root?.Spec.Namespace
                    || !reported.Add(obj.Namespace))
                {
                    continue;
                }

                // Flux's targetNamespace overrides every namespace of the build (and of its HelmReleases' targets).
                var fromTarget = k.Spec.TargetNamespace == obj.Namespace;
                var at = fromTarget ? k.Spec.Object.Origin.Locate("spec", "targetNamespace") : Where(context, obj);
                if (!creators.TryGetValue(obj.Namespace, out var makers))
                {
                    yield return fromTarget
                        ? DiagnosticCatalog.TargetNamespaceNotCreated.At(at, k.Id, obj.Namespace, k.AllObjects.Count(o => o.Namespace == obj.Namespace))
                        : DiagnosticCatalog.NamespaceNotCreated.At(at, obj, obj.Namespace);
                }
                else if (!makers.Exists(m => context.IsUpstreamOrSame(k.Id, m)))
                {
                    var maker = makers[0];
                    yield return DiagnosticCatalog.NamespaceNotUpstream.At(at, obj, obj.Namespace, maker, k.Id, maker[(maker.IndexOf('/', StringComparison.Ordinal) + 1)..]);
                }
            }
        }
    }

    private static void Add(Dictionary<string, List<string>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }
}
