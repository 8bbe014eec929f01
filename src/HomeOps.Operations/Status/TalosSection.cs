using System.Net;
using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Status;
using HomeOps.Runtime.Kubernetes;
using HomeOps.Runtime.Processes;
using HomeOps.Runtime.Tools;
using static HomeOps.Core.Status.ObjectFields;

namespace HomeOps.Operations.Status;

/// <summary>
/// Talos per node through talosctl (<see cref="TalosStatus"/>): four calls, each asking every node at once (version,
/// etcd status and alarms on the control planes, volume status), so the cost does not grow with the objects in
/// the cluster. The nodes come from cluster.yaml; without it from the Kubernetes Nodes' InternalIP (a kind status
/// reads anyway), control planes by their node-role label.
/// </summary>
public sealed class TalosSection : IStatusSection
{
    public string Id => TalosStatus.Id;

    public string Title => TalosStatus.Title;

    public IReadOnlyList<KubeResource> Kinds => [KubeResource.Nodes];

    public async Task<StatusSection> ReadAsync(StatusContext context, CancellationToken cancellationToken)
    {
        if (context.Talosconfig is not { } talosconfig)
        {
            return StatusSection.CouldNotAsk(Id, Title, StatusFindings.From(DiagnosticCatalog.TalosconfigNotFound, Health.Unknown, context.TalosconfigMissing ?? "none given"));
        }

        var nodes = await NodesAsync(context, cancellationToken).ConfigureAwait(false);
        if (nodes.Count == 0 || context.Commands is not { } commands)
        {
            return StatusSection.CouldNotAsk(Id, Title, StatusFindings.From(DiagnosticCatalog.TalosQueryFailed, Health.Unknown, "talosctl",
                nodes.Count == 0 ? "no nodes to ask: no cluster.yaml, and the Kubernetes API did not list any" : "no program runner"));
        }

        var all = nodes.Select(n => n.Address).ToList();
        var controlPlanes = nodes.Where(n => n.ControlPlane).Select(n => n.Address).ToList();
        var versions = RunAsync(commands, Talosctl.Versions(all, talosconfig), cancellationToken);
        var etcd = RunAsync(commands, Talosctl.EtcdStatus(controlPlanes, talosconfig), cancellationToken);
        var alarms = RunAsync(commands, Talosctl.EtcdAlarms(controlPlanes, talosconfig), cancellationToken);
        var volumes = RunAsync(commands, Talosctl.VolumeStatuses(all, talosconfig), cancellationToken);
        var readings = new TalosReadings(await versions.ConfigureAwait(false), await etcd.ConfigureAwait(false), await alarms.ConfigureAwait(false), await volumes.ConfigureAwait(false));
        return TalosStatus.Evaluate(nodes, readings, context.ClusterConfig?.Cluster.TalosVersion);
    }

    private static async Task<IReadOnlyList<TalosNode>> NodesAsync(StatusContext context, CancellationToken cancellationToken)
    {
        if (context.ClusterConfig is { Nodes.Count: > 0 } config)
        {
            return [.. config.Nodes.Select(n => new TalosNode(n.Name, n.Address.ToString(), n.Role == NodeRole.ControlPlane))];
        }

        var read = await context.Cluster.ReadAsync(KubeResource.Nodes, cancellationToken).ConfigureAwait(false);
        return [.. read.Items.Select(n => new TalosNode(NameOf(n),
                Objects(n, "status", "addresses").FirstOrDefault(a => Str(a, "type") == "InternalIP" && IPAddress.TryParse(Str(a, "address"), out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork) is { } address ? Str(address, "address")! : string.Empty,
                At(n, "metadata", "labels", "node-role.kubernetes.io/control-plane") is not null))
            .Where(n => n.Address.Length > 0).OrderBy(n => n.Name, StringComparer.Ordinal)];
    }

    private static async Task<TalosAnswer> RunAsync(ICommandRunner commands, CommandSpec spec, CancellationToken cancellationToken)
    {
        var display = string.Join(' ', spec.Arguments.TakeWhile(a => a != "--nodes").Prepend(spec.Program));
        var result = await CommandProblem.RunOrFailAsync(commands, spec, cancellationToken).ConfigureAwait(false);
        return result.Succeeded
            ? TalosAnswer.Ok(display, result.StandardOutput, result.StandardError)
            : TalosAnswer.Failure(display, result.ErrorSummary(1));
    }
}
