using System.Text.Json.Nodes;

namespace HomeOps.Fakes.Kubernetes;

/// <summary>Minimal CustomResourceDefinitions for the Flux kinds the fakes install (names and scope as upstream).</summary>
public static class FluxCrds
{
    public static JsonObject Kustomizations() => Crd("kustomize.toolkit.fluxcd.io", "kustomizations", "Kustomization", "v1", "ks");

    public static JsonObject GitRepositories() => Crd("source.toolkit.fluxcd.io", "gitrepositories", "GitRepository", "v1", "gitrepo");

    public static JsonObject HelmRepositories() => Crd("source.toolkit.fluxcd.io", "helmrepositories", "HelmRepository", "v1", "helmrepo");

    public static JsonObject HelmReleases() => Crd("helm.toolkit.fluxcd.io", "helmreleases", "HelmRelease", "v2", "hr");

    public static IReadOnlyList<JsonObject> All() => [Kustomizations(), GitRepositories(), HelmRepositories(), HelmReleases()];

    public static JsonObject Crd(string group, string plural, string kind, string version, string? shortName = null, bool namespaced = true)
    {
        var names = new JsonObject { ["plural"] = plural, ["singular"] = kind.ToLowerInvariant(), ["kind"] = kind, ["listKind"] = kind + "List" };
        if (shortName is not null)
        {
            names["shortNames"] = new JsonArray(shortName);
        }

        return new JsonObject
        {
            ["apiVersion"] = "apiextensions.k8s.io/v1",
            ["kind"] = "CustomResourceDefinition",
            ["metadata"] = new JsonObject { ["name"] = $"{plural}.{group}" },
            ["spec"] = new JsonObject
            {
                ["group"] = group,
                ["names"] = names,
                ["scope"] = namespaced ? "Namespaced" : "Cluster",
                ["versions"] = new JsonArray(new JsonObject
                {
                    ["name"] = version,
                    ["served"] = true,
                    ["storage"] = true,
                    ["schema"] = new JsonObject { ["openAPIV3Schema"] = new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true } },
                    ["subresources"] = new JsonObject { ["status"] = new JsonObject() },
                }),
            },
        };
    }
}
