using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Status;
using HomeOps.Core.Talos.Schematics;
using HomeOps.Operations.Nodes;
using HomeOps.Runtime.Processes;
using HomeOps.Runtime.Tools;
using static HomeOps.Core.Status.ObjectFields;

namespace HomeOps.Operations.Upgrades;

/// <summary>
/// What a node booted, as the node itself reports it: its Talos version (`talosctl version --json`, version.tag) and
/// its schematic (the virtual extension "schematic" Image Factory images carry, `talosctl get extensions`; Talos
/// v1.10 docs, learn-more/image-factory.md). This, not a local file, is how a run knows which nodes are done.
/// </summary>
public sealed record TalosNodeImage(string? Version, string? Schematic, string? Error)
{
    public bool Runs(string version, string schematic) => Version == version && Schematic == schematic;

    /// <summary>The schematic cluster.yaml asks for on <paramref name="node"/> (its own extensions, else the cluster's).</summary>
    public static Schematic Wanted(ClusterDefinition cluster, NodeSettings node) => new(node.Extensions ?? cluster.Talos.Extensions, []);

    public static async Task<TalosNodeImage> ReadAsync(NodeOperationContext context, NodeSettings node, CancellationToken cancellationToken)
    {
        var address = node.Address.ToString();
        var version = await RunAsync(context, Talosctl.Versions([address], context.Paths.Talosconfig), cancellationToken).ConfigureAwait(false);
        if (!version.Succeeded)
        {
            return new(null, null, version.ErrorSummary(2));
        }

        var extensions = await RunAsync(context, Talosctl.Extensions(address, context.Paths.Talosconfig), cancellationToken).ConfigureAwait(false);
        if (!extensions.Succeeded)
        {
            return new(null, null, extensions.ErrorSummary(2));
        }

        var tag = TalosOutput.JsonObjects(version.StandardOutput).Select(v => Str(v, "version", "tag")).FirstOrDefault(t => t is not null);
        var schematic = TalosOutput.JsonObjects(extensions.StandardOutput)
            .Where(e => Str(e, "spec", "metadata", "name") == "schematic").Select(e => Str(e, "spec", "metadata", "version")).FirstOrDefault();
        return tag is null ? new(null, schematic, "talosctl version printed no version.tag") : new(tag, schematic ?? "none", null);
    }

    private static Task<CommandResult> RunAsync(NodeOperationContext context, CommandSpec spec, CancellationToken cancellationToken) =>
        CommandProblem.RunOrFailAsync(context.Runner, spec, cancellationToken);
}
