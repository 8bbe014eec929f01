using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Diagnostics;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>
/// HO4030: an ExternalSecret whose (Cluster)SecretStore does not exist (it never syncs); HO4004: the store exists only
/// downstream (the ExternalSecret fails until the store is there, then converges: external-secrets requeues a failed
/// sync, and kustomize-controller retries a failed health check after spec.retryInterval).
/// </summary>
public sealed class SecretStoreRule : IGitOpsRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.SecretStoreNotUpstream, DiagnosticCatalog.SecretStoreMissing];

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
                    yield return DiagnosticCatalog.SecretStoreMissing.At(at, es, kind, name, known);
                }
            }
            else if (!stores.Exists(s => context.IsUpstreamOrSame(consumer, s.Origin.Kustomization)))
            {
                var provider = stores[0].Origin.Kustomization;
                yield return DiagnosticCatalog.SecretStoreNotUpstream.At(at, es, kind, name, provider, consumer, provider[(provider.IndexOf('/', StringComparison.Ordinal) + 1)..]);
            }
        }
    }
}
