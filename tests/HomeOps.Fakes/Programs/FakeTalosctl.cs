using System.Globalization;
using HomeOps.Fakes.Kubernetes;

namespace HomeOps.Fakes.Programs;

/// <summary>
/// talosctl against modelled nodes. A node in maintenance mode answers only --insecure (with talosconfig: an
/// x509 "unknown authority" error); a configured node refuses --insecure ("tls: certificate required"). A second
/// etcd bootstrap answers AlreadyExists. An unreachable node times out dialing port 50000. kubeconfig writes a
/// kubeconfig for the fake API. `etcd snapshot` is modelled in FakeTalosctl.Etcd.cs, the wipe of etcd by a reset of
/// every node in FakeTalosctl.Recovery.cs.
/// Does not model: real certificates, config validation, install/reboot time, etcd membership changes,
/// dmesg/logs. The read-only calls of `homeops status` over several nodes are in FakeTalosctl.Status.cs.
/// </summary>
public sealed partial class FakeTalosctl(IReadOnlyList<FakeTalosNode> nodes, string clusterEndpoint) : IFakeProgram
{
    public string Name => "talosctl";

    public string Version { get; set; } = "v1.10.5";

    public IReadOnlyList<FakeTalosNode> Nodes { get; } = nodes;

    /// <summary>The node etcd was bootstrapped on, if any.</summary>
    public string? EtcdBootstrappedOn { get; private set; }

    /// <summary>Successful etcd bootstraps (must never exceed 1 per cluster).</summary>
    public int EtcdBootstraps { get; private set; }

    /// <summary>Called once etcd is bootstrapped: the control plane comes up and kubelets register.</summary>
    public Action? OnEtcdBootstrapped { get; set; }

    public FakeResult Run(IReadOnlyList<string> a, string? stdin)
    {
        var args = a.ToList();
        var node = Option(args, "--nodes");
        var insecure = args.Contains("--insecure");
        var talosconfig = Option(args, "--talosconfig");
        if (args is ["version", "--client", ..])
        {
            return FakeResult.Ok($"Client:\n\tTag:         {Version}\n\tSHA:         00000000\n\tOS/Arch:     linux/amd64\n");
        }

        if (node is not null && IsStatusCall(args))
        {
            return talosconfig is null || !File.Exists(talosconfig)
                ? FakeResult.Error($"error: failed to open config file \"{talosconfig}\": no such file or directory\n")
                : StatusCall(args, node);
        }

        if (node is null)
        {
            return FakeResult.Error("error: nodes are not set for the command: please use `--nodes` flag or configuration file to set the nodes to run the command against\n");
        }

        var target = Nodes.FirstOrDefault(n => n.Address == node);
        if (target is null || !target.Reachable)
        {
            return FakeResult.Error($"error: rpc error: code = Unavailable desc = connection error: desc = \"transport: Error while dialing: dial tcp {node}:50000: connect: no route to host\"\n");
        }

        if (insecure && target.Configured)
        {
            return FakeResult.Error($"error: rpc error: code = Unavailable desc = connection error: desc = \"error reading server preface: remote error: tls: certificate required\"\n");
        }

        if (!insecure && !target.Configured)
        {
            return FakeResult.Error($"error: rpc error: code = Unavailable desc = connection error: desc = \"transport: authentication handshake failed: tls: failed to verify certificate: x509: certificate signed by unknown authority\"\n");
        }

        if (!insecure && (talosconfig is null || !File.Exists(talosconfig)))
        {
            return FakeResult.Error($"error: failed to open config file \"{talosconfig}\": no such file or directory\n");
        }

        return Node(args, target, stdin);
    }

    private FakeResult Node(List<string> args, FakeTalosNode target, string? stdin)
    {
        switch (args)
        {
            case ["get", "machinestatus", ..]:
                return FakeResult.Ok($"{{\"node\":\"{target.Address}\",\"metadata\":{{\"namespace\":\"runtime\",\"type\":\"MachineStatuses.runtime.talos.dev\",\"id\":\"machine\"}},\"spec\":{{\"stage\":\"{target.Stage}\",\"status\":{{\"ready\":true}}}}}}\n");
            case ["apply-config", ..]:
                var file = Option(args, "--file");
                if (file is null || !File.Exists(file))
                {
                    return FakeResult.Error($"error: open {file}: no such file or directory\n");
                }

                target.Stage = "running";
                target.Applies++;
                return FakeResult.Ok();
            case ["bootstrap", ..]:
                if (!target.TimeSynced)
                {
                    // machined's Bootstrap handler (internal/app/machined/internal/server/v1alpha1/v1alpha1_server.go:427-428 at v1.10.5).
                    return FakeResult.Error("error executing bootstrap: rpc error: code = FailedPrecondition desc = time is not in sync yet\n");
                }

                if (EtcdBootstrappedOn is not null)
                {
                    return FakeResult.Error("error: rpc error: code = AlreadyExists desc = etcd data directory is not empty\n");
                }

                if (RecoverFrom(args) is { } refused)
                {
                    return refused;
                }

                EtcdBootstrappedOn = target.Address;
                EtcdBootstraps++;
                OnEtcdBootstrapped?.Invoke();
                return FakeResult.Ok();
            case ["service", "etcd", ..]:
                var state = EtcdBootstrappedOn == target.Address ? "Running" : "Preparing";
                return FakeResult.Ok($"NODE     {target.Address}\nID       etcd\nSTATE    {state}\nHEALTH   {(state == "Running" ? "OK" : "?")}\n");
            case ["kubeconfig", var output, ..]:
                if (EtcdBootstrappedOn is null)
                {
                    return FakeResult.Error("error: rpc error: code = Unknown desc = kubeconfig is not available: cluster is not bootstrapped\n");
                }

                FakeKubeconfig.Write(output, clusterEndpoint);
                return FakeResult.Ok();
            case ["health", ..]:
                return target.Configured ? FakeResult.Ok("waiting for etcd to be healthy: OK\nwaiting for all k8s nodes to report ready: OK\n") : FakeResult.Error("healthcheck error: node is not configured\n");
            case ["etcd", "snapshot", var path, ..]:
                return EtcdSnapshot(target, path);
            case ["reboot", ..]:
                target.Reboots++;
                return FakeResult.Ok();
            case ["upgrade", ..]:
                target.Image = Option(args, "--image");
                return FakeResult.Ok($"watching nodes: [{target.Address}]\n    * {target.Address}: post check passed\n");
            case ["reset", ..] when args.Count(x => x == "--system-labels-to-wipe") == 2 && args.Contains("STATE") && args.Contains("EPHEMERAL"):
                target.Stage = "maintenance";
                target.Resets++;
                if (Nodes.All(n => !n.Configured))
                {
                    EtcdBootstrappedOn = null;
                    OnEtcdWiped?.Invoke();
                }

                return FakeResult.Ok();
            case ["reset", ..]:
                throw new InvalidOperationException("A reset that wipes more than STATE and EPHEMERAL was issued: " + string.Join(' ', args));
            default:
                return FakeResult.Error($"error: unknown command \"{string.Join(' ', args)}\" for \"talosctl\"\n");
        }
    }

    private static string? Option(List<string> args, string name)
    {
        var at = args.IndexOf(name);
        return at >= 0 && at + 1 < args.Count ? args[at + 1] : null;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Nodes.Count} nodes, etcd on {EtcdBootstrappedOn ?? "none"}");
}
