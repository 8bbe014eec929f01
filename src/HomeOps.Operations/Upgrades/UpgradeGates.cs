using System.Globalization;
using System.Text.Json.Nodes;
using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Status;
using HomeOps.Operations.Doctor;
using HomeOps.Operations.Status;
using HomeOps.Runtime.Kubernetes;
using static HomeOps.Core.Status.ObjectFields;

namespace HomeOps.Operations.Upgrades;

/// <summary>One judgement of a gate: passed or not, and what it saw (printed while it waits, and in HO9011).</summary>
public sealed record GateReading(bool Passed, string Detail);

/// <summary>
/// The gates an upgrade waits on around each node. Each reads the cluster afresh through the doctor check that
/// `homeops doctor` and `status` share (etcd, longhorn, flux, cnpg) and adds what only an upgrade asks about one node:
/// whether etcd keeps quorum while THIS control plane restarts (not left to Talos's own check), whether a volume has
/// its only healthy replica on it, whether a PostgreSQL primary still runs on it.
/// </summary>
public sealed class UpgradeGates(UpgradeRunContext context)
{
    private readonly IReadOnlyList<IDoctorCheck> _checks = DoctorService.Default().Gates;

    public const string Etcd = "etcd";
    public const string Longhorn = "longhorn";
    public const string Flux = "flux";
    public const string Cnpg = "cnpg";
    public const string NodeReady = "node-ready";

    /// <summary>What each gate waits for, as the progress line and the dry run say it.</summary>
    public static string WaitsFor(string gate, NodeSettings? node, string? version = null) => gate switch
    {
        Etcd when node is { Role: NodeRole.ControlPlane } => $"every etcd member healthy, no alarm, and quorum kept while {node.Name} restarts",
        Etcd => "every etcd member healthy, no alarm",
        Longhorn when node is not null => $"every Longhorn volume healthy and none with its only healthy replica on {node.Name}",
        Longhorn => "every Longhorn volume healthy again",
        Flux => "every Flux Kustomization and HelmRelease Ready",
        Cnpg => $"every PostgreSQL cluster with a ready primary, none on {node?.Name}",
        _ => $"{node?.Name} Ready, its kubelet reporting Talos {version}",
    };

    public TimeSpan TimeoutOf(string gate) => gate switch
    {
        Etcd => context.Timeouts.Etcd,
        Longhorn => context.Timeouts.Longhorn,
        Flux => context.Timeouts.Flux,
        Cnpg => context.Timeouts.Cnpg,
        _ => context.Timeouts.NodeReady,
    };

    /// <summary>Waits until the gate passes; HO9011 with the last reading when its timeout passes first.</summary>
    public async Task<Diagnostic?> WaitAsync(string gate, string when, NodeSettings? node, CancellationToken cancellationToken, string? version = null)
    {
        var timeout = TimeoutOf(gate);
        var deadline = context.Time.GetUtcNow() + timeout;
        var prefix = node is null ? string.Empty : $"{node.Name}: ";
        context.Log($"{prefix}gate {gate} {when}: waiting for {WaitsFor(gate, node, version)} (up to {Minutes(timeout)})");
        string? last = null;
        while (true)
        {
            var reading = await ReadAsync(gate, node, version, cancellationToken).ConfigureAwait(false);
            if (reading.Passed)
            {
                context.Log($"{prefix}gate {gate} {when}: passed ({reading.Detail})");
                return null;
            }

            if (context.Time.GetUtcNow() >= deadline)
            {
                return DiagnosticCatalog.UpgradeGateTimeout.At(context.Nodes.Location, gate, when, Minutes(timeout), reading.Detail, Hint(gate, node));
            }

            if (reading.Detail != last)
            {
                context.Log($"{prefix}gate {gate} {when}: still waiting: {reading.Detail}");
                last = reading.Detail;
            }

            await Task.Delay(context.PollInterval, context.Time, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<GateReading> ReadAsync(string gate, NodeSettings? node, string? version, CancellationToken cancellationToken)
    {
        var snapshot = new ClusterSnapshot(context.Api);
        return gate switch
        {
            Etcd => EtcdReading(await CheckAsync(Etcd, snapshot, new TalosSection(), cancellationToken).ConfigureAwait(false), node),
            Longhorn => await LonghornAsync(snapshot, node, cancellationToken).ConfigureAwait(false),
            Flux => Judged(await CheckAsync(Flux, snapshot, KubeStatusSections.Flux(), cancellationToken).ConfigureAwait(false)),
            Cnpg => await CnpgAsync(snapshot, node!, cancellationToken).ConfigureAwait(false),
            _ => await NodeReadyAsync(snapshot, node!, version!, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>One doctor check over a status read of the one section it judges.</summary>
    private async Task<(DoctorCheckResult Result, StatusSection Section)> CheckAsync(string id, ClusterSnapshot snapshot, IStatusSection section, CancellationToken cancellationToken)
    {
        var statusContext = new StatusContext(snapshot, context.Time)
        {
            Commands = context.Nodes.Runner,
            ClusterConfig = context.Nodes.Cluster,
            Talosconfig = context.Nodes.Paths.Talosconfig,
        };
        var report = await new StatusService([section]).RunAsync(statusContext, cancellationToken).ConfigureAwait(false);
        var check = _checks.Single(c => c.Id == id);
        var result = await check.RunAsync(new DoctorContext(report, snapshot, context.Time, ServiceEndpoints.None), cancellationToken).ConfigureAwait(false);
        return (result, report.Sections[0]);
    }

    private static GateReading Judged((DoctorCheckResult Result, StatusSection Section) check) => check.Result.Health switch
    {
        Health.Ok => new(true, check.Result.Detail),
        Health.Absent => new(true, check.Result.Detail),
        _ => new(false, Describe(check.Result)),
    };

    private GateReading EtcdReading((DoctorCheckResult Result, StatusSection Section) check, NodeSettings? node)
    {
        var judged = Judged(check);
        if (!judged.Passed || node is not { Role: NodeRole.ControlPlane } || check.Result.Health == Health.Absent)
        {
            return judged;
        }

        var controlPlanes = context.Nodes.Cluster.Nodes.Count(n => n.Role == NodeRole.ControlPlane);
        if (controlPlanes == 1)
        {
            return judged with { Detail = judged.Detail + $"; the only control plane: etcd and the API are down while {node.Name} restarts" };
        }

        var quorum = controlPlanes / 2 + 1;
        var others = check.Section.Items.Count(i => i.Name != $"node/{node.Name}" && i.Field("etcdMember") is { Length: > 0 } && i.Field("etcdErrors") is "" && i.Field("etcdAlarms") is "");
        return others >= quorum
            ? judged with { Detail = judged.Detail + string.Create(CultureInfo.InvariantCulture, $"; {others} stay while {node.Name} restarts (quorum {quorum})") }
            : new(false, string.Create(CultureInfo.InvariantCulture, $"restarting {node.Name} leaves {others} of {controlPlanes} etcd member(s) healthy, below the quorum of {quorum}"));
    }

    private async Task<GateReading> LonghornAsync(ClusterSnapshot snapshot, NodeSettings? node, CancellationToken cancellationToken)
    {
        var judged = Judged(await CheckAsync(Longhorn, snapshot, KubeStatusSections.Longhorn(), cancellationToken).ConfigureAwait(false));
        if (!judged.Passed || node is null)
        {
            return judged;
        }

        var replicas = await snapshot.ReadAsync(KubeResource.LonghornReplicas, cancellationToken).ConfigureAwait(false);
        if (replicas.Problem is { Health: not Health.Absent } problem)
        {
            return new(false, $"Longhorn replicas could not be read: {problem.Message}");
        }

        var onlyHere = replicas.Items.Where(IsHealthyReplica).GroupBy(r => Str(r, "spec", "volumeName") ?? string.Empty)
            .Where(g => g.All(r => Str(r, "spec", "nodeID") == node.Name)).Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
        return onlyHere.Count == 0
            ? judged
            : new(false, $"{onlyHere.Count} volume(s) have their only healthy replica on {node.Name}: {string.Join(", ", onlyHere)}");
    }

    /// <summary>A replica that serves data: running, never failed since its last rebuild, healthy once (longhorn v1beta2 replica.go).</summary>
    private static bool IsHealthyReplica(JsonObject replica) =>
        Str(replica, "status", "currentState") == "running" && Str(replica, "spec", "failedAt") is null or "" && Str(replica, "spec", "healthyAt") is { Length: > 0 };

    private async Task<GateReading> CnpgAsync(ClusterSnapshot snapshot, NodeSettings node, CancellationToken cancellationToken)
    {
        var check = await CheckAsync(Cnpg, snapshot, KubeStatusSections.Cnpg(), cancellationToken).ConfigureAwait(false);
        var judged = Judged(check);
        if (!judged.Passed || check.Result.Health == Health.Absent)
        {
            return judged;
        }

        var pods = await snapshot.ReadAsync(KubeResource.Pods, cancellationToken).ConfigureAwait(false);
        var here = new List<string>();
        foreach (var cluster in check.Section.Items.Where(i => i.Field("kind") == "Cluster"))
        {
            var key = cluster.Name["cluster/".Length..];
            var ns = key.Contains('/', StringComparison.Ordinal) ? key[..key.IndexOf('/', StringComparison.Ordinal)] : "default";
            var primary = cluster.Field("primary");
            if (pods.Items.FirstOrDefault(p => NameOf(p) == primary && Str(p, "metadata", "namespace") == ns) is { } pod && Str(pod, "spec", "nodeName") == node.Name)
            {
                here.Add($"{key} (primary {primary})");
            }
        }

        return here.Count == 0 ? judged : new(false, $"the primary of {string.Join(", ", here)} still runs on {node.Name}");
    }

    private async Task<GateReading> NodeReadyAsync(ClusterSnapshot snapshot, NodeSettings node, string version, CancellationToken cancellationToken)
    {
        var read = await snapshot.ReadAsync(KubeResource.Nodes, cancellationToken).ConfigureAwait(false);
        if (read.Problem is { } problem)
        {
            return new(false, $"the Nodes could not be read: {problem.Message}");
        }

        if (read.Items.FirstOrDefault(n => NameOf(n) == node.Name) is not { } found)
        {
            return new(false, $"no Node named {node.Name}");
        }

        var versions = NodeVersions.FromNode(found);
        var ready = ConditionOf(found, "Ready");
        var reports = versions.Talos?.ToString() == version;
        return ready?.IsTrue == true && reports
            ? new(true, $"Ready, {versions.OsImage}")
            : new(false, $"{(ready?.IsTrue == true ? "Ready" : $"not Ready ({ready?.Reason ?? "no Ready condition"})")}, osImage '{versions.OsImage}'");
    }

    private static string Describe(DoctorCheckResult result) =>
        result.Findings.Count == 0 ? result.Detail : $"{result.Detail}; {string.Join("; ", result.Findings.Select(f => f.Message))}";

    private static string Hint(string gate, NodeSettings? node) => gate switch
    {
        Etcd => "Check etcd with 'homeops doctor --only etcd' and 'talosctl etcd status'",
        Longhorn => "Check the volumes with 'homeops status' (Longhorn section) or the Longhorn UI; wait for rebuilds, or raise --gate-timeout",
        Flux => "Check 'homeops status' (Flux section) and 'flux get kustomizations -A'",
        Cnpg => $"Check 'kubectl cnpg status' for each cluster; promote an instance on another node than {node?.Name}",
        _ => $"Check the node with 'talosctl dmesg --nodes {node?.Address}' and 'kubectl describe node {node?.Name}'",
    };

    private static string Minutes(TimeSpan timeout) =>
        timeout.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{timeout.TotalMinutes:0.#} min") : string.Create(CultureInfo.InvariantCulture, $"{timeout.TotalSeconds:0.#} s");
}
