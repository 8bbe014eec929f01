namespace HomeOps.Operations.GitOps;

/// <summary>How to validate (or render) the tree. Null values come from cluster.yaml and .homeops.yaml.</summary>
public sealed record ValidateOptions
{
    /// <summary>The Flux entry folder, repository-relative (default: cluster.yaml gitops.path).</summary>
    public string? EntryPath { get; init; }

    /// <summary>Kubernetes version for built-in schemas and helm --kube-version (default: cluster.yaml).</summary>
    public string? KubernetesVersion { get; init; }

    public IReadOnlyList<string> SchemaDirectories { get; init; } = [];

    /// <summary>Fetch nothing: charts not already cached are not rendered (and that is reported).</summary>
    public bool Offline { get; init; }

    public bool UseCache { get; init; } = true;

    /// <summary>
    /// A folder (or file:// URL) of Helm repositories consulted before the cache and the network (see
    /// <see cref="GitOps.ChartMirror"/>); null: the HOMEOPS_CHART_MIRROR environment variable, else none.
    /// </summary>
    public string? ChartMirror { get; init; }

    /// <summary>Treat undefined variables as errors at build time, like kustomize-controller's StrictPostBuildSubstitutions.</summary>
    public bool StrictSubstitution { get; init; }

    public string? CacheDirectory { get; init; }

    public int? Parallelism { get; init; }

    /// <summary>
    /// Build plain Kustomizations in-process (byte-equal to kustomize) and start kustomize only for the rest; off,
    /// every Kustomization is built by kustomize.
    /// </summary>
    public bool InProcessKustomize { get; init; } = true;

    /// <summary>
    /// Reuse the whole result of an earlier run when nothing it depends on changed (<see cref="ValidateResultCache"/>);
    /// the result then has no tree. For the commands that only print diagnostics (validate, check).
    /// </summary>
    public bool ResultCache { get; init; }

    /// <summary>Skip the rules (diff and graph only need the rendered tree).</summary>
    public bool RenderOnly { get; init; }

    /// <summary>When set, only these Kustomizations are built (others keep their inputs only); used by diff --changed-only.</summary>
    public Func<Core.GitOps.Model.KustomizationNode, bool>? BuildFilter { get; init; }
}
