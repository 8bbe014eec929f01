using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Model;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>
/// HO4031: a claim (PVC, StatefulSet template, CNPG Cluster) whose StorageClass does not exist; HO4005: the class
/// exists only downstream (the claim stays Pending until it exists, then the provisioner retries it).
/// </summary>
public sealed class StorageClassRule : IGitOpsRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.StorageClassNotUpstream, DiagnosticCatalog.StorageClassMissing];

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        var classes = Providers.StorageClasses(context);
        foreach (var obj in context.Tree.AllObjects)
        {
            foreach (var (name, path) in Claims(obj))
            {
                var providers = classes.Where(c => c.Name == name).ToList();
                var consumer = obj.Origin.Kustomization;
                if (providers.Count == 0)
                {
                    if (Providers.CanReportMissing(context))
                    {
                        yield return DiagnosticCatalog.StorageClassMissing.At(obj.Origin.Locate(path), obj, name, Providers.Known(classes.Select(c => c.Name)));
                    }
                }
                else if (!providers.Exists(p => context.IsUpstreamOrSame(consumer, p.Object.Origin.Kustomization)))
                {
                    var provider = providers[0].Object.Origin.Kustomization;
                    yield return DiagnosticCatalog.StorageClassNotUpstream.At(obj.Origin.Locate(path), obj, name, provider, consumer, provider[(provider.IndexOf('/', StringComparison.Ordinal) + 1)..]);
                }
            }
        }
    }

    private static IEnumerable<(string Name, object[] Path)> Claims(KubeObject obj)
    {
        if (obj.Kind == "PersistentVolumeClaim" && obj.Root.Str("spec", "storageClassName") is { Length: > 0 } pvc)
        {
            yield return (pvc, ["spec", "storageClassName"]);
        }

        if (obj.Kind == "StatefulSet")
        {
            var templates = obj.Root.Seq("spec", "volumeClaimTemplates");
            for (var i = 0; i < templates.Count; i++)
            {
                if (templates[i].Str("spec", "storageClassName") is { Length: > 0 } sts)
                {
                    yield return (sts, ["spec", "volumeClaimTemplates", i, "spec", "storageClassName"]);
                }
            }
        }

        if (obj.Kind == "Cluster" && obj.Group == "postgresql.cnpg.io")
        {
            foreach (var key in (string[])["storage", "walStorage"])
            {
                if (obj.Root.Str("spec", key, "storageClass") is { Length: > 0 } cnpg)
                {
                    yield return (cnpg, ["spec", key, "storageClass"]);
                }
            }
        }
    }
}
