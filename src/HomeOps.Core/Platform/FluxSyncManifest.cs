using System.Text;
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
        var text = new StringBuilder()
            .Append(PlatformRenderer.Header)
            .Append("# Flux's sync of this repository (cluster.yaml: gitops). The bootstrap applies it once; from then on\n")
            .Append("# the root Kustomization below reconciles its own path, this file included.\n")
            .Append("---\n")
            .Append("apiVersion: source.toolkit.fluxcd.io/v1\n")
            .Append("kind: GitRepository\n")
            .Append("metadata:\n")
            .Append("  name: flux-system\n")
            .Append("  namespace: flux-system\n")
            .Append("spec:\n")
            .Append("  interval: 10m\n")
            .Append("  timeout: 60s\n")
            .Append("  url: ").Append(gitops.Repository).Append('\n')
            .Append("  ref:\n")
            .Append("    branch: ").Append(YamlScalarStyle.DoubleQuoted(gitops.Branch)).Append('\n');
        if (usesSsh)
        {
            text.Append("  # An SSH deploy key (identity and known_hosts), created by the bootstrap.\n")
                .Append("  secretRef:\n")
                .Append("    name: flux-system\n");
        }

        return text
            .Append("  # Only the folders Flux builds go into the artifact, so a change to src/ or docs/ is no new revision.\n")
            .Append("  ignore: |\n")
            .Append("    /*\n")
            .Append("    !/clusters/\n")
            .Append("    !/infrastructure/\n")
            .Append("    !/apps/\n")
            .Append("    !/charts/\n")
            .Append("---\n")
            .Append("apiVersion: kustomize.toolkit.fluxcd.io/v1\n")
            .Append("kind: Kustomization\n")
            .Append("metadata:\n")
            .Append("  name: flux-system\n")
            .Append("  namespace: flux-system\n")
            .Append("spec:\n")
            .Append("  interval: 10m\n")
            .Append("  retryInterval: 1m\n")
            .Append("  timeout: 5m\n")
            .Append("  path: ./").Append(gitops.Path.TrimEnd('/')).Append('\n')
            .Append("  prune: true\n")
            .Append("  sourceRef:\n")
            .Append("    kind: GitRepository\n")
            .Append("    name: flux-system\n")
            .ToString();
    }
}
