using System.Security.Cryptography;
using System.Text;
using HomeOps.Core.ClusterConfig;
using HomeOps.Runtime.Tools;

namespace HomeOps.Operations.Bootstrap.Steps;

/// <summary>
/// One machine config per node and a talosconfig, in the git-ignored state folder (mode 0600). Re-rendered only
/// when cluster.yaml, the patches or the secrets changed since the last render (a fingerprint in the state file).
/// Rendering goes through talosctl gen config with the repository's patch folders (all/, then the role's), until
/// HomeOps' own renderer (`homeops talos render`) is available to this step.
/// </summary>
public sealed class TalosConfigsStep : BootstrapStep
{
    public override string Name => BootstrapSteps.TalosConfigs;

    public override string Description => "render a machine config per node and the talosconfig";

    public override IReadOnlyList<string> DependsOn => [BootstrapSteps.TalosSecrets];

    public override Task<bool> IsDoneAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        var complete = context.Files.FileExists(context.Paths.Talosconfig)
            && context.Cluster.Nodes.All(n => context.Files.FileExists(context.Paths.NodeConfig(n.Name)))
            && context.State.Facts.GetValueOrDefault(Facts.RenderFingerprint) == Fingerprint(context);
        return Task.FromResult(complete);
    }

    public override async Task RunAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        var output = Path.Combine(context.Paths.TalosDirectory, "generated");
        foreach (var role in new[] { NodeRole.ControlPlane, NodeRole.Worker }.Where(r => context.Cluster.Nodes.Any(n => n.Role == r)))
        {
            await context.RunCheckedAsync(GenConfig(context, output, role), cancellationToken).ConfigureAwait(false);
            foreach (var node in context.Cluster.Nodes.Where(n => n.Role == role))
            {
                var file = role == NodeRole.ControlPlane ? "controlplane.yaml" : "worker.yaml";
                context.Files.WriteAllTextAtomic(context.Paths.NodeConfig(node.Name), context.Files.ReadAllText(Path.Combine(output, file)), Secret);
            }

            context.Files.WriteAllTextAtomic(context.Paths.Talosconfig, context.Files.ReadAllText(Path.Combine(output, "talosconfig")), Secret);
        }

        context.State.Facts[Facts.RenderFingerprint] = Fingerprint(context);
    }

    private const UnixFileMode Secret = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static Runtime.Processes.CommandSpec GenConfig(BootstrapContext context, string output, NodeRole role)
    {
        var c = context.Cluster;
        return Talosctl.GenConfig(c.Cluster.Name, BootstrapContext.NodeApi(c.Network.ApiVip.ToString()).ToString().TrimEnd('/'), context.Paths.TalosSecrets,
            output, c.Cluster.KubernetesVersion, c.Cluster.TalosVersion, Patches(context, role));
    }

    private static List<string> Patches(BootstrapContext context, NodeRole role)
    {
        var root = context.Workspace.PathOf(context.Cluster.Talos.Patches);
        var folders = new[] { "all", role == NodeRole.ControlPlane ? "controlplane" : "worker" };
        return [.. folders.Select(f => Path.Combine(root, f)).Where(context.Files.DirectoryExists)
            .SelectMany(d => context.Files.EnumerateFiles(d, "*.yaml", recursive: false).Order(StringComparer.Ordinal))];
    }

    /// <summary>A hash of every input of the render (never the secrets themselves: only their hash goes in).</summary>
    private static string Fingerprint(BootstrapContext context)
    {
        var text = new StringBuilder();
        var inputs = new List<string> { context.Workspace.ClusterFile, context.Paths.TalosSecrets };
        inputs.AddRange(Patches(context, NodeRole.ControlPlane));
        inputs.AddRange(Patches(context, NodeRole.Worker));
        foreach (var file in inputs.Distinct().Where(context.Files.FileExists))
        {
            text.Append(file).Append('\0').Append(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(context.Files.ReadAllText(file))))).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16].ToLowerInvariant();
    }

    public override IEnumerable<string> Plan(BootstrapContext context)
    {
        var output = Path.Combine(context.Paths.TalosDirectory, "generated");
        foreach (var role in new[] { NodeRole.ControlPlane, NodeRole.Worker }.Where(r => context.Cluster.Nodes.Any(n => n.Role == r)))
        {
            yield return GenConfig(context, output, role).Display();
        }

        foreach (var node in context.Cluster.Nodes)
        {
            yield return $"write {TalosSecretsStep.Rel(context, context.Paths.NodeConfig(node.Name))} (mode 0600)";
        }
    }
}
