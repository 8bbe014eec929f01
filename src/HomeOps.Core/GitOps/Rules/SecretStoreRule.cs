using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Diagnostics;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>HO4004: an ExternalSecret whose (Cluster)SecretStore does not exist, or exists only downstream.</summary>
public sealed class SecretStoreRule : IGitOpsRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.SecretStoreNotUpstream];

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        foreach (var es in context.Tree.AllObjects.Where(o => o.Kind is "ExternalSecret" or "PushSecret" && o.Group == "external-secrets.io"))
        {
            var kind = es.Root.Str("spec", "secretStoreRef", "kind") ?? "SecretStore";
            var name = es.Root.Str("spec", "secretStoreRef", "name");
            if (name is null)
            {
                continue;
            }

            var stores = Providers.Of(context, "external-secrets.io", kind, name, kind == "ClusterSecretStore" ? null : es.Namespace);
            var at = es.Origin.Locate("spec", "secretStoreRef", "name");
            var consumer = es.Origin.Kustomization;
            if (stores.Count == 0)
            {
                if (Providers.CanReportMissing(context))
                {
                    var known = Providers.Known(Providers.Of(context, "external-secrets.io", kind).Select(s => s.Name));
                    yield return DiagnosticCatalog.SecretStoreNotUpstream.At(at, es, kind, name, $"which the tree does not define (known: {known})",
                        $"Use one of the defined {kind}s, or add the store");
                }
            }
            else if (!stores.Exists(s => context.IsUpstreamOrSame(consumer, s.Origin.Kustomization)))
            {
                var provider = stores[0].Origin.Kustomization;
                yield return DiagnosticCatalog.SecretStoreNotUpstream.At(at, es, kind, name, $"which {provider} provides, but {consumer} does not depend on it",
                    $"Add '{provider[(provider.IndexOf('/', StringComparison.Ordinal) + 1)..]}' to dependsOn of {consumer}");
            }
        }
    }
}
