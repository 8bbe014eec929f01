using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.Platform;

/// <summary>
/// The GitRepository and root Kustomization that make Flux reconcile this repository from cluster.yaml's gitops
/// section. The root path includes flux-system/ itself, so Flux keeps its own sync objects applied.
/// </summary>
public static class FluxSyncManifest
{
    public static string Write(GitOpsSettings gitops)
    {
        var usesSsh = !gitops.Repository.StartsWith("https://", StringComparison.Ordinal);
        var yaml = PlatformFiles.NewFile()
            .Comment("Flux's sync of this repository (cluster.yaml: gitops). The bootstrap applies it once; from then on")
            .Comment("the root Kustomization below reconciles its own path, this file included.")
            .Document().Map();
        FluxSystemObject(yaml, "source.toolkit.fluxcd.io/v1", "GitRepository")
            .Key("spec").Map()
                .Entry("interval", "10m")
                .Entry("timeout", "60s")
                .Entry("url", gitops.Repository)
                .Key("ref").Map().Key("branch").DoubleQuoted(gitops.Branch).EndMap();
        if (usesSsh)
        {
            yaml.Comment("An SSH deploy key (identity and known_hosts), created by the bootstrap.")
                .Key("secretRef").Map().Entry("name", "flux-system").EndMap();
        }

        yaml
                .Comment("Only the folders Flux builds go into the artifact, so a change to src/ or docs/ is no new revision.")
                .Key("ignore").Literal("/*\n!/clusters/\n!/infrastructure/\n!/apps/\n!/charts/\n")
            .EndMap()
            .EndMap()
            .Document().Map();
        return FluxSystemObject(yaml, "kustomize.toolkit.fluxcd.io/v1", "Kustomization")
            .Key("spec").Map()
                .Entry("interval", "10m")
                .Entry("retryInterval", "1m")
                .Entry("timeout", "5m")
                .Entry("path", "./" + gitops.Path.TrimEnd('/'))
                .Entry("prune", "true")
                .Key("sourceRef").Map()
                    .Entry("kind", "GitRepository")
                    .Entry("name", "flux-system")
                .EndMap()
            .EndMap()
            .EndMap()
            .ToString();
    }

    /// <summary>apiVersion, kind and metadata of one of the two objects: both are flux-system in flux-system.</summary>
    private static YamlWriter FluxSystemObject(YamlWriter yaml, string apiVersion, string kind) => yaml
        .Entry("apiVersion", apiVersion)
        .Entry("kind", kind)
        .Key("metadata").Map()
            .Entry("name", "flux-system")
            .Entry("namespace", "flux-system")
        .EndMap();
}
