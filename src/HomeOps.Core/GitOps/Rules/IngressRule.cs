using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Model;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>HO4006 Ingress class and HO4007 cert-manager issuer that the tree does not define.</summary>
public sealed class IngressRule : IGitOpsRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.IngressClassMissing, DiagnosticCatalog.IssuerMissing];

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        var classes = Providers.Of(context, "networking.k8s.io", "IngressClass").Select(c => c.Name).ToList();
        var complete = Providers.CanReportMissing(context);
        foreach (var ingress in context.Tree.AllObjects.Where(o => o.Kind == "Ingress" && o.Group == "networking.k8s.io"))
        {
            var annotation = ingress.Annotations.GetValueOrDefault("kubernetes.io/ingress.class");
            var className = ingress.Root.Str("spec", "ingressClassName") ?? annotation;
            if (className is not null && complete && !classes.Contains(className))
            {
                var at = ingress.Root.Str("spec", "ingressClassName") is not null ? ingress.Origin.Locate("spec", "ingressClassName") : ingress.Origin.Locate("metadata", "annotations", "kubernetes.io/ingress.class");
                yield return DiagnosticCatalog.IngressClassMissing.At(at, ingress, className, Providers.Known(classes), classes.FirstOrDefault() ?? "<class>");
            }
        }

        foreach (var obj in context.Tree.AllObjects)
        {
            foreach (var (kind, name, path) in IssuerRefs(obj))
            {
                var issuers = Providers.Of(context, "cert-manager.io", kind, name, kind == "Issuer" ? obj.Namespace : null);
                if (issuers.Count == 0 && complete)
                {
                    var known = Providers.Known(Providers.Of(context, "cert-manager.io", kind).Select(i => i.Name));
                    yield return DiagnosticCatalog.IssuerMissing.At(obj.Origin.Locate(path), obj, kind, name, known);
                }
            }
        }
    }

    private static IEnumerable<(string Kind, string Name, object[] Path)> IssuerRefs(KubeObject obj)
    {
        if (obj.Kind == "Ingress")
        {
            foreach (var (annotation, kind) in new[] { ("cert-manager.io/cluster-issuer", "ClusterIssuer"), ("cert-manager.io/issuer", "Issuer") })
            {
                if (obj.Annotations.TryGetValue(annotation, out var name) && name.Length > 0)
                {
                    yield return (kind, name, ["metadata", "annotations", annotation]);
                }
            }
        }

        if (obj.Kind == "Certificate" && obj.Group == "cert-manager.io" && obj.Root.Str("spec", "issuerRef", "name") is { } issuer
            && (obj.Root.Str("spec", "issuerRef", "group") ?? "cert-manager.io") == "cert-manager.io")
        {
            yield return (obj.Root.Str("spec", "issuerRef", "kind") ?? "Issuer", issuer, ["spec", "issuerRef", "name"]);
        }
    }
}
