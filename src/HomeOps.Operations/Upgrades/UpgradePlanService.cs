using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Upgrades;
using HomeOps.Operations.Config;
using HomeOps.Operations.Status;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Operations.Upgrades;

/// <summary>Targets from the command line; null means the version cluster.yaml names.</summary>
public sealed record UpgradePlanRequest(string? Talos, string? Kubernetes);

/// <summary>
/// The plan, where the running versions were read (the cluster, or cluster.yaml when offline), and each node's
/// versions when read live.
/// </summary>
public sealed record UpgradePlanResult(UpgradePlan? Plan, string RunningFrom, IReadOnlyList<NodeVersions> Nodes, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}

/// <summary>
/// `homeops upgrade plan`: the running versions (the lowest Talos and kubelet among the cluster's nodes, as
/// talosctl upgrade-k8s takes the lowest; cluster.yaml when no cluster is asked) to the targets (the command line,
/// else cluster.yaml, where Renovate bumps them), planned by <see cref="UpgradePlanner"/>.
/// </summary>
public static class UpgradePlanService
{
    public static async Task<UpgradePlanResult> PlanAsync(Workspace workspace, UpgradePlanRequest request, ClusterSnapshot? cluster, CancellationToken cancellationToken)
    {
        var config = ClusterConfigService.Load(workspace);
        if (config.Config is not { } definition)
        {
            return new UpgradePlanResult(null, "cluster.yaml", [], config.Diagnostics);
        }

        var at = definition.Cluster.SpanOf(nameof(definition.Cluster.TalosVersion));
        var problems = new List<Diagnostic>();
        var target = new ClusterVersions(
            Version(request.Talos ?? definition.Cluster.TalosVersion, request.Talos is null ? "cluster.talosVersion" : "--talos", at, problems),
            Version(request.Kubernetes ?? definition.Cluster.KubernetesVersion, request.Kubernetes is null ? "cluster.kubernetesVersion" : "--kubernetes", at, problems));

        ClusterVersions? running;
        IReadOnlyList<NodeVersions> nodes = [];
        string from;
        if (cluster is null)
        {
            from = workspace.Display(workspace.ClusterFile);
            running = new ClusterVersions(Version(definition.Cluster.TalosVersion, "cluster.talosVersion", at, problems), Version(definition.Cluster.KubernetesVersion, "cluster.kubernetesVersion", at, problems));
        }
        else
        {
            from = cluster.Api is { } api ? $"the cluster at {api.Server}" : "the cluster";
            (running, nodes) = await ReadRunningAsync(cluster, at, problems, cancellationToken).ConfigureAwait(false);
        }

        if (running is null || problems.Any(p => p.Severity == DiagnosticSeverity.Error))
        {
            return new UpgradePlanResult(null, from, nodes, problems);
        }

        var plan = UpgradePlanner.Plan(running, target, at);
        return new UpgradePlanResult(plan, from, nodes, [.. problems, .. plan.Diagnostics]);
    }

    /// <summary>The Nodes, in the one list request status and doctor share (<see cref="ClusterSnapshot"/>).</summary>
    private static async Task<(ClusterVersions?, IReadOnlyList<NodeVersions>)> ReadRunningAsync(ClusterSnapshot cluster, SourceSpan at, List<Diagnostic> problems, CancellationToken cancellationToken)
    {
        var server = cluster.Api?.Server.ToString() ?? "the cluster";
        var read = await cluster.ReadAsync(KubeResource.Nodes, cancellationToken).ConfigureAwait(false);
        if (read.Problem is { } problem)
        {
            problems.Add(DiagnosticCatalog.UpgradeClusterUnreadable.At(at, server, problem.Message));
            return (null, []);
        }

        IReadOnlyList<NodeVersions> nodes = [.. read.Items.Select(NodeVersions.FromNode).OrderBy(n => n.Node, StringComparer.Ordinal)];
        foreach (var node in nodes.Where(n => n.Talos is null || n.Kubelet is null))
        {
            problems.Add(DiagnosticCatalog.UpgradeNodeNotTalos.At(at, node.Node, node.OsImage.Length == 0 ? "no osImage" : $"osImage '{node.OsImage}'"));
        }

        var known = nodes.Where(n => n.Talos is not null && n.Kubelet is not null).ToList();
        if (known.Count == 0)
        {
            if (nodes.Count == 0)
            {
                problems.Add(DiagnosticCatalog.UpgradeClusterUnreadable.At(at, server, "the cluster lists no nodes"));
            }

            return (null, nodes);
        }

        return (new ClusterVersions(known.Min(n => n.Talos!.Value), known.Min(n => n.Kubelet!.Value)), nodes);
    }

    private static ReleaseVersion Version(string text, string source, SourceSpan at, List<Diagnostic> problems)
    {
        if (ReleaseVersion.TryParse(text, out var version))
        {
            return version;
        }

        problems.Add(DiagnosticCatalog.UpgradeVersionInvalid.At(at, text, source));
        return default;
    }
}
