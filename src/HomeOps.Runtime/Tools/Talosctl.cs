using HomeOps.Runtime.Processes;

namespace HomeOps.Runtime.Tools;

/// <summary>
/// talosctl command lines. Every command names its node as both --nodes and --endpoints, so nothing depends on the
/// endpoints stored in a talosconfig. Maintenance-mode nodes only answer with --insecure (no client certificate).
/// </summary>
public static class Talosctl
{
    public const string Program = "talosctl";

    public static CommandSpec ClientVersion() => new(Program, ["version", "--client"]) { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The node's machine status; with <paramref name="talosconfig"/> null the call is --insecure (maintenance mode).</summary>
    public static CommandSpec MachineStatus(string node, string? talosconfig) =>
        new(Program, ["get", "machinestatus", .. Target(node, talosconfig), "--output", "json"]) { Timeout = TimeSpan.FromSeconds(20) };

    public static CommandSpec ApplyConfig(string node, string file, string? talosconfig) =>
        new(Program, ["apply-config", .. Target(node, talosconfig), "--file", file]) { Timeout = TimeSpan.FromMinutes(2) };

    /// <param name="recoverFrom">
    /// An etcd snapshot taken with `talosctl etcd snapshot`: etcd starts from it instead of empty (Talos v1.10
    /// disaster recovery, website/content/v1.10/advanced/disaster-recovery.md "Recovering from the Backup"; talosctl
    /// checks the snapshot's hash, cmd/talosctl/cmd/talos/bootstrap.go:45-66 at v1.10.5).
    /// </param>
    public static CommandSpec Bootstrap(string node, string talosconfig, string? recoverFrom = null) =>
        new(Program, ["bootstrap", .. Target(node, talosconfig), .. recoverFrom is null ? Array.Empty<string>() : ["--recover-from", recoverFrom]])
        {
            Timeout = TimeSpan.FromMinutes(recoverFrom is null ? 2 : 5),
        };

    /// <summary>The state of one Talos service (etcd: "Running" once bootstrapped).</summary>
    public static CommandSpec Service(string node, string talosconfig, string service) =>
        new(Program, ["service", service, .. Target(node, talosconfig)]) { Timeout = TimeSpan.FromSeconds(30) };

    public static CommandSpec Kubeconfig(string node, string talosconfig, string output) =>
        new(Program, ["kubeconfig", output, .. Target(node, talosconfig), "--force"]) { Timeout = TimeSpan.FromMinutes(1) };

    public static CommandSpec Health(string node, string talosconfig, TimeSpan wait) =>
        new(Program, ["health", .. Target(node, talosconfig), "--wait-timeout", $"{(int)wait.TotalSeconds}s"]) { Timeout = wait + TimeSpan.FromMinutes(1) };

    public static CommandSpec Upgrade(string node, string talosconfig, string image) =>
        new(Program, ["upgrade", .. Target(node, talosconfig), "--image", image, "--wait"]) { Timeout = TimeSpan.FromMinutes(20) };

    public static CommandSpec Reboot(string node, string talosconfig) =>
        new(Program, ["reboot", .. Target(node, talosconfig), "--wait"]) { Timeout = TimeSpan.FromMinutes(15) };

    /// <summary>
    /// Streams an etcd snapshot of one control-plane node to <paramref name="path"/>. talosctl writes it to
    /// "&lt;path&gt;.part" (mode 0600), checks etcd's appended SHA-256 is there, then renames it, so the path never holds
    /// half a snapshot.
    /// </summary>
    public static CommandSpec EtcdSnapshot(string node, string talosconfig, string path) =>
        new(Program, ["etcd", "snapshot", path, .. Target(node, talosconfig)]) { Timeout = TimeSpan.FromMinutes(10) };

    /// <summary>
    /// The only reset HomeOps runs: wipe STATE and EPHEMERAL and reboot into maintenance mode. A full wipe erases
    /// the OS and forces a USB reinstall on the Mac minis, so no other form exists here.
    /// </summary>
    public static CommandSpec Reset(string node, string talosconfig) =>
        new(Program, ["reset", .. Target(node, talosconfig), "--system-labels-to-wipe", "STATE", "--system-labels-to-wipe", "EPHEMERAL", "--graceful=false", "--reboot", "--wait=false"])
        { Timeout = TimeSpan.FromMinutes(2) };

    /// <summary>
    /// The Talos version of every node in one call: one JSON object per node (talosctl's hidden --json flag,
    /// cmd/talosctl/cmd/talos/version.go:114 at v1.10.5), its metadata.hostname the node's address.
    /// </summary>
    public static CommandSpec Versions(IReadOnlyList<string> nodes, string talosconfig) =>
        new(Program, ["version", .. Targets(nodes, talosconfig), "--json"]) { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The etcd member status of every control-plane node in one call (a table with a NODE column).</summary>
    public static CommandSpec EtcdStatus(IReadOnlyList<string> nodes, string talosconfig) =>
        new(Program, ["etcd", "status", .. Targets(nodes, talosconfig)]) { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The etcd alarms of every control-plane node (no output when there are none).</summary>
    public static CommandSpec EtcdAlarms(IReadOnlyList<string> nodes, string talosconfig) =>
        new(Program, ["etcd", "alarm", "list", .. Targets(nodes, talosconfig)]) { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Every node's VolumeStatus resources (EPHEMERAL, STATE, user volumes), one JSON object each.</summary>
    public static CommandSpec VolumeStatuses(IReadOnlyList<string> nodes, string talosconfig) =>
        new(Program, ["get", "volumestatus", .. Targets(nodes, talosconfig), "--output", "json"]) { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>
    /// The node's system extensions as JSON; Image Factory images carry a virtual extension named "schematic" whose
    /// version is the schematic ID the image was built from (Talos v1.10 docs, learn-more/image-factory.md).
    /// </summary>
    public static CommandSpec Extensions(string node, string talosconfig) =>
        new(Program, ["get", "extensions", .. Target(node, talosconfig), "--output", "json"]) { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>
    /// Kubernetes on every node to <paramref name="version"/>, driven through one control plane: static pods, then
    /// kube-proxy, then each kubelet (cmd/talosctl/cmd/talos/upgrade-k8s.go at v1.10.5; only 1.x→1.x and 1.x→1.(x+1)).
    /// </summary>
    public static CommandSpec UpgradeKubernetes(string controlPlane, string talosconfig, string version) =>
        new(Program, ["upgrade-k8s", .. Target(controlPlane, talosconfig), "--to", version.TrimStart('v')]) { Timeout = TimeSpan.FromMinutes(60) };

    /// <summary>Several nodes in one call: apid on the first endpoint that answers proxies to each of them.</summary>
    private static string[] Targets(IReadOnlyList<string> nodes, string talosconfig) =>
        ["--nodes", string.Join(',', nodes), "--endpoints", string.Join(',', nodes), "--talosconfig", talosconfig];

    private static string[] Target(string node, string? talosconfig) =>
        talosconfig is null ? ["--nodes", node, "--endpoints", node, "--insecure"] : ["--nodes", node, "--endpoints", node, "--talosconfig", talosconfig];
}
