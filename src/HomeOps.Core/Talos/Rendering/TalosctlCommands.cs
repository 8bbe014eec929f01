using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Talos.Schematics;

namespace HomeOps.Core.Talos.Rendering;

/// <summary>One talosctl command line and what it is for.</summary>
public sealed record TalosctlCommand(string Purpose, string? Node, IReadOnlyList<string> Arguments)
{
    public string CommandLine => "talosctl " + string.Join(' ', Arguments.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'" : a));
}

/// <summary>
/// The talosctl commands that apply, bootstrap, upgrade and reset each node. Reset only ever wipes the STATE and
/// EPHEMERAL partitions: on the Mac minis a full wipe removes the OS and forces a reinstall from USB.
/// </summary>
public static class TalosctlCommands
{
    /// <summary>The only system partitions a reset may wipe.</summary>
    public static readonly IReadOnlyList<string> ResetLabels = ["STATE", "EPHEMERAL"];

    public static IReadOnlyList<TalosctlCommand> Build(ClusterDefinition config, string outputFolder, string? onlyNode = null)
    {
        var commands = new List<TalosctlCommand>();
        var first = config.Nodes.First(n => n.Role == NodeRole.ControlPlane).Address.ToString();
        foreach (var node in config.Nodes.Where(n => onlyNode is null || n.Name == onlyNode))
        {
            var ip = node.Address.ToString();
            var file = $"{outputFolder}/{config.Cluster.Name}-{node.Name}.yaml";
            var schematic = new Schematic(node.Extensions ?? config.Talos.Extensions, []);
            commands.Add(new("first install: the node runs the installer ISO in maintenance mode", node.Name, ["apply-config", "--insecure", "--nodes", ip, "--file", file]));
            commands.Add(new("apply a changed config", node.Name, ["apply-config", "--nodes", ip, "--file", file]));
            commands.Add(new("upgrade Talos (installer with this node's extensions)", node.Name, ["upgrade", "--nodes", ip, "--image", schematic.InstallerImage(config.Cluster.TalosVersion)]));
            var reset = new List<string> { "reset", "--nodes", ip };
            foreach (var label in ResetLabels)
            {
                reset.AddRange(["--system-labels-to-wipe", label]);
            }

            reset.AddRange(["--graceful=true", "--reboot"]);
            commands.Add(new("reset: wipes only STATE and EPHEMERAL (never the whole disk: that forces a USB reinstall)", node.Name, reset));
        }

        if (onlyNode is null)
        {
            commands.Add(new("bootstrap etcd, once, on the first control-plane node", null, ["bootstrap", "--nodes", first, "--endpoints", first]));
            commands.Add(new("fetch the admin kubeconfig", null, ["kubeconfig", "--nodes", first, "--endpoints", first]));
            commands.Add(new("upgrade Kubernetes to cluster.kubernetesVersion", null, ["upgrade-k8s", "--nodes", first, "--to", config.Cluster.KubernetesVersion.TrimStart('v')]));
        }

        return commands;
    }
}
