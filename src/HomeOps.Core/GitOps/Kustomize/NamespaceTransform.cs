namespace HomeOps.Core.GitOps.Kustomize;

/// <summary>
/// kustomize's NamespaceTransformer with its default field specs (api/filters/namespace/namespace.go,
/// api/internal/konfig/builtinpluginconsts/namespace.go): metadata.namespace on every kind not known to be
/// cluster-scoped, the name of a v1 Namespace, the namespace of RoleBinding subjects named "default" and of an
/// existing CRD conversion webhook service. APIServices go to the real kustomize.
/// </summary>
internal static class NamespaceTransform
{
    public static void Apply(List<KustomizeResource> resources, string ns)
    {
        foreach (var r in resources)
        {
            if (r.Body.Count == 0)
            {
                continue;
            }

            if (r.Kind == "APIService" && r.Group == "apiregistration.k8s.io")
            {
                throw new KustomizeUnsupportedException("an APIService in a namespaced kustomization");
            }

            if (!r.IsClusterScoped)
            {
                r.Metadata["namespace"] = ns;
            }

            if (r.Kind == "Namespace" && r.ApiVersion == "v1")
            {
                r.Metadata["name"] = ns;
            }

            if (r.Kind is "RoleBinding" or "ClusterRoleBinding" && r.Body.TryGetValue("subjects", out var subjects) && subjects is List<object?> list)
            {
                foreach (var subject in list.OfType<Dictionary<string, object?>>().Where(s => s.String("name") == "default"))
                {
                    subject["namespace"] = ns;
                }
            }

            if (r.Kind == "CustomResourceDefinition" && r.Group == "apiextensions.k8s.io"
                && r.Body.Map("spec")?.Map("conversion")?.Map("webhook")?.Map("clientConfig")?.Map("service") is { } service && service.ContainsKey("namespace"))
            {
                service["namespace"] = ns;
            }
        }
    }
}
