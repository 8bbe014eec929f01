using System.Globalization;
using HomeOps.Fakes.Kubernetes;

namespace HomeOps.Fakes.Programs;

/// <summary>
/// talosctl against modelled nodes. A node in maintenance mode answers only --insecure (with talosconfig: an
/// x509 "unknown authority" error); a configured node refuses --insecure ("tls: certificate required") and trusts only
/// a talosconfig carrying the CA of the config applied to it (another bundle's: x509 "unknown authority"). The config
/// applied is parsed and kept (FakeTalosctl.Config.cs). etcd state is per node: bootstrap refuses a node whose etcd
/// data directory is not empty (AlreadyExists), a worker, or a node whose clock is not synchronised; a control plane
/// configured while etcd runs elsewhere joins it. `health` fails while a Kubernetes Node is NotReady. An unreachable
/// node times out dialing port 50000. kubeconfig writes a kubeconfig for the fake API. `etcd snapshot` is modelled in
/// FakeTalosctl.Etcd.cs, the wipe of etcd by a reset of every node in FakeTalosctl.Recovery.cs, `upgrade` and
/// `upgrade-k8s` in FakeTalosctl.Upgrade.cs.
/// Does not model: real TLS, config validation beyond parsing, install time, etcd join time and quorum,
/// dmesg/logs. The read-only calls of `homeops status` over several nodes are in FakeTalosctl.Status.cs.
/// </summary>
public sealed partial class FakeTalosctl(IReadOnlyList<FakeTalosNode> nodes, string clusterEndpoint) : IFakeProgram
{
    public string Name => "talosctl";

    public string Version { get; set; } = "v1.10.5";

    public IReadOnlyList<FakeTalosNode> Nodes { get; } = nodes;

    /// <summary>The node etcd was bootstrapped on, if any node still holds etcd data.</summary>
    public string? EtcdBootstrappedOn { get; private set; }

    /// <summary>Every Kubernetes Node's name and Ready condition, as `talosctl health` reads them through the API.</summary>
    public Func<IReadOnlyList<(string Name, bool Ready)>>? KubernetesNodes { get; set; }

    /// <summary>
    /// False: a control plane configured while etcd runs elsewhere stays "Preparing" with an empty data directory (its
    /// join has not happened yet, as for minutes after a reset node comes back) until <see cref="CompleteJoins"/>.
    /// </summary>
    public bool EtcdJoinsImmediately { get; set; } = true;

    /// <summary>Every configured control plane waiting to join a running etcd cluster joins it.</summary>
    public void CompleteJoins()
    {
        if (EtcdRunning)
        {
            foreach (var node in Nodes.Where(n => n.Configured && n.IsControlPlane))
            {
                node.EtcdData = true;
            }
        }
    }

    /// <summary>True while some configured control plane holds etcd data (etcd, then the API server, runs).</summary>
    public bool EtcdRunning => Nodes.Any(n => n.Configured && n.EtcdData);

    /// <summary>How long `health` waits for NotReady nodes to turn Ready before it fails (the real one waits --wait-timeout).</summary>
    public TimeSpan HealthWait { get; set; } = TimeSpan.FromSeconds(2);

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
                : StatusCall(args, node, talosconfig);
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

        if (!insecure && TalosconfigCa(talosconfig!) != target.Ca)
        {
            // The node's certificate is issued by the CA of its config; a talosconfig of another bundle does not trust it.
            return FakeResult.Error($"error: rpc error: code = Unavailable desc = connection error: desc = \"transport: authentication handshake failed: tls: failed to verify certificate: x509: certificate signed by unknown authority\"\n");
        }

        return Node(args, target, insecure, stdin);
    }

    private FakeResult Node(List<string> args, FakeTalosNode target, bool insecure, string? stdin)
    {
        switch (args)
        {
            case ["get", "machinestatus", ..]:
                return FakeResult.Ok($"{{\"node\":\"{target.Address}\",\"metadata\":{{\"namespace\":\"runtime\",\"type\":\"MachineStatuses.runtime.talos.dev\",\"id\":\"machine\"}},\"spec\":{{\"stage\":\"{target.Stage}\",\"status\":{{\"ready\":true}}}}}}\n");
            case ["apply-config", ..]:
                return ApplyConfig(args, target, insecure);
            case ["bootstrap", ..]:
                return Bootstrap(target, args);
            case ["service", "etcd", ..]:
                var state = target.EtcdData && target.IsControlPlane ? "Running" : "Preparing";
                return FakeResult.Ok($"NODE     {target.Address}\nID       etcd\nSTATE    {state}\nHEALTH   {(state == "Running" ? "OK" : "?")}\n");
            case ["kubeconfig", var output, ..]:
                if (!EtcdRunning)
                {
                    return FakeResult.Error("error: rpc error: code = Unknown desc = kubeconfig is not available: cluster is not bootstrapped\n");
                }

                FakeKubeconfig.Write(output, clusterEndpoint);
                return FakeResult.Ok();
            case ["health", ..]:
                return Health();
            case ["etcd", "snapshot", var path, ..]:
                return EtcdSnapshot(target, path);
            case ["reboot", ..]:
                target.Reboots++;
                return FakeResult.Ok();
            case ["upgrade", ..]:
                return Upgrade(args, target);
            case ["upgrade-k8s", ..]:
                return UpgradeKubernetes(args);
            case ["get", "extensions", ..]:
                return Extensions(target);
            case ["reset", ..] when args.Count(x => x == "--system-labels-to-wipe") == 2 && args.Contains("STATE") && args.Contains("EPHEMERAL"):
                target.Stage = "maintenance";
                target.Resets++;
                target.Config = null;
                target.MachineType = null;
                target.Ca = null;
                target.EtcdData = false;
                if (!Nodes.Any(n => n.EtcdData))
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

    private FakeResult Bootstrap(FakeTalosNode target, List<string> args)
    {
        // machined's Bootstrap handler (internal/app/machined/internal/server/v1alpha1/v1alpha1_server.go:413-436 at v1.10.5).
        if (!target.IsControlPlane)
        {
            return FakeResult.Error("error executing bootstrap: rpc error: code = FailedPrecondition desc = bootstrap can only be performed on a control plane node\n");
        }

        if (!target.TimeSynced)
        {
            return FakeResult.Error("error executing bootstrap: rpc error: code = FailedPrecondition desc = time is not in sync yet\n");
        }

        if (target.EtcdData)
        {
            return FakeResult.Error("error executing bootstrap: rpc error: code = AlreadyExists desc = etcd data directory is not empty\n");
        }

        if (RecoverFrom(args) is { } refused)
        {
            return refused;
        }

        // An empty data directory bootstraps a new cluster, even while another runs elsewhere (two clusters: EtcdBootstraps counts both).
        target.EtcdData = true;
        EtcdBootstrappedOn ??= target.Address;
        EtcdBootstraps++;
        foreach (var member in Nodes.Where(n => n.Configured && n.IsControlPlane))
        {
            member.EtcdData = true;
        }

        OnEtcdBootstrapped?.Invoke();
        return FakeResult.Ok();
    }

    /// <summary>
    /// The server-side cluster checks (pkg/cluster/check/default.go:17-28): etcd healthy, then every Kubernetes Node
    /// Ready (K8sAllNodesReadyAssertion, pkg/cluster/check/kubernetes.go:216-246, "some nodes are not ready: [a b]");
    /// a check still failing at --wait-timeout ends the stream with "healthcheck error: ..."
    /// (cmd/talosctl/cmd/talos/health.go:183-185). The fake waits <see cref="HealthWait"/> instead of the whole timeout.
    /// </summary>
    private FakeResult Health()
    {
        if (!EtcdRunning)
        {
            return FakeResult.Error("waiting for etcd to be healthy: etcd is not running\nhealthcheck error: context deadline exceeded\n");
        }

        // Like the real check, wait while a node is not Ready (up to HealthWait here, not the whole --wait-timeout).
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var notReady = (KubernetesNodes?.Invoke() ?? []).Where(n => !n.Ready).Select(n => n.Name).ToList();
        while (notReady.Count > 0 && waited.Elapsed < HealthWait)
        {
            Thread.Sleep(20);
            notReady = [.. (KubernetesNodes?.Invoke() ?? []).Where(n => !n.Ready).Select(n => n.Name)];
        }

        if (notReady.Count > 0)
        {
            var names = string.Join(' ', notReady);
            return FakeResult.Error($"waiting for etcd to be healthy: OK\nwaiting for all k8s nodes to report ready: some nodes are not ready: [{names}]\nhealthcheck error: some nodes are not ready: [{names}]\n");
        }

        return FakeResult.Ok("waiting for etcd to be healthy: OK\nwaiting for all k8s nodes to report ready: OK\n");
    }

    private static string? Option(List<string> args, string name)
    {
        var at = args.IndexOf(name);
        return at >= 0 && at + 1 < args.Count ? args[at + 1] : null;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Nodes.Count} nodes, etcd on {EtcdBootstrappedOn ?? "none"}");
}
