using HomeOps.Core.ClusterConfig;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Schema;
using HomeOps.Core.Graph;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>What rules see: the built tree, its graph, schemas, cluster.yaml (when valid), settings and the tracked files.</summary>
public sealed class RuleContext
{
    private readonly Dictionary<string, IReadOnlySet<string>> _upstream = new(StringComparer.Ordinal);

    public RuleContext(GitOpsTree tree, SchemaRegistry schemas, ClusterDefinition? cluster, ValidateSettings settings, IReadOnlyList<string> trackedFiles)
    {
        Tree = tree;
        Graph = tree.Graph();
        Schemas = schemas;
        Cluster = cluster;
        Settings = settings;
        TrackedFiles = settings.Exclude.Count == 0 ? trackedFiles : [.. trackedFiles.Where(f => !settings.IsExcluded(f))];
    }

    public GitOpsTree Tree { get; }

    public DependencyGraph<KustomizationNode> Graph { get; }

    public SchemaRegistry Schemas { get; }

    public ClusterDefinition? Cluster { get; }

    public ValidateSettings Settings { get; }

    /// <summary>The repository's tracked files, less those .homeops.yaml's <c>exclude</c> says are not its own.</summary>
    public IReadOnlyList<string> TrackedFiles { get; }

    /// <summary>Schema verdicts of earlier runs, and those this run adds (<see cref="SchemaRule"/>).</summary>
    public SchemaVerdicts SchemaVerdicts { get; init; } = new();

    /// <summary>Files earlier runs found nothing in (<see cref="SecretScanRule"/>, the search for other Flux entries).</summary>
    public CleanFiles CleanFiles { get; init; } = new();

    /// <summary>Variables referenced but not defined, per object (collected while substituting).</summary>
    public List<(string Variable, KubeObject Object)> UndefinedVariables { get; init; } = [];

    public bool AnyUnrenderedRelease => Tree.Kustomizations.Exists(k => k.HasUnrenderedReleases);

    public KustomizationNode NodeOf(KubeObject obj) => Tree.Find(obj.Origin.Kustomization)!;

    /// <summary>
    /// Kustomizations that are reconciled before <paramref name="id"/>: its dependsOn ancestors and the Kustomizations
    /// whose build created it (a Kustomization object exists only after its parent applied it), transitively.
    /// </summary>
    public IReadOnlySet<string> Upstream(string id)
    {
        if (_upstream.TryGetValue(id, out var cached))
        {
            return cached;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>([id]);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            var node = Tree.Find(current);
            var next = Graph.Contains(current) ? Graph.DependenciesOf(current).ToList() : [];
            if (node?.Parent is { } parent)
            {
                next.Add(parent);
            }

            foreach (var n in next.Where(seen.Add))
            {
                stack.Push(n);
            }
        }

        seen.Remove(id);
        _upstream[id] = seen;
        return seen;
    }

    /// <summary>Whether what <paramref name="provider"/> applies exists before <paramref name="consumer"/> applies.</summary>
    public bool IsUpstreamOrSame(string consumer, string provider) => consumer == provider || Upstream(consumer).Contains(provider);

    public bool? IsNamespaced(KubeObject obj) => Schemas.IsNamespaced(obj.Group, obj.Kind);
}
