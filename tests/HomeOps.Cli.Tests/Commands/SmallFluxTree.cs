namespace HomeOps.Cli.Tests.Commands;

/// <summary>The pieces of the small Flux trees the validate tests write: the sync of clusters/lab and Flux Kustomizations.</summary>
internal static class SmallFluxTree
{
    /// <summary>clusters/lab/sync.yaml: the flux-system Namespace, its GitRepository and the root Kustomization of ./clusters/lab.</summary>
    public const string Sync = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: flux-system
        ---
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: GitRepository
        metadata:
          name: flux-system
          namespace: flux-system
        spec:
          interval: 1m
          url: https://example.com/home-ops.git
        ---
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: flux-system
          namespace: flux-system
        spec:
          interval: 10m
          path: ./clusters/lab
          prune: true
          sourceRef:
            kind: GitRepository
            name: flux-system
        """;

    /// <summary>A Flux Kustomization in flux-system that builds <paramref name="path"/> from the flux-system GitRepository.</summary>
    public static string Kustomization(string name, string path) => $"""
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: {name}
          namespace: flux-system
        spec:
          interval: 10m
          path: {path}
          prune: true
          sourceRef:
            kind: GitRepository
            name: flux-system
        """;
}
