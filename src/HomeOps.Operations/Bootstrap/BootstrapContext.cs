using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Diagnostics;
using HomeOps.Runtime.Files;
using HomeOps.Runtime.Kubernetes;
using HomeOps.Runtime.OnePassword;
using HomeOps.Runtime.Processes;

namespace HomeOps.Operations.Bootstrap;

/// <summary>Everything a step uses: the cluster definition, the tree, the outside world and the run's state.</summary>
public sealed class BootstrapContext(
    ClusterDefinition cluster,
    Workspace workspace,
    BootstrapPaths paths,
    BootstrapEnvironment environment,
    BootstrapOptions options,
    BootstrapState state)
{
    public const string FieldManager = "homeops";

    private IKubeApi? _kube;
    private Uri? _kubeServer;

    public ClusterDefinition Cluster { get; } = cluster;

    public Workspace Workspace { get; } = workspace;

    public BootstrapPaths Paths { get; } = paths;

    public BootstrapEnvironment Environment { get; } = environment;

    public BootstrapOptions Options { get; } = options;

    public BootstrapState State { get; } = state;

    /// <summary>Where <see cref="State"/> is saved: the bootstrap's state file, or another workflow's (recovery).</summary>
    public string StateFile { get; init; } = paths.StateFile;

    /// <summary>
    /// The kubeconfig <see cref="Kube"/> uses: the bootstrap's own (which it writes), or for a workflow on a running cluster the
    /// one every cluster command finds (<see cref="KubeconfigLocator"/>). Only the bootstrap's own is pointed at <see cref="ApiServer"/>.
    /// </summary>
    public string Kubeconfig { get; init; } = paths.Kubeconfig;

    /// <summary>The workflow running the steps ("bootstrap", "recovery-rebuild", ...), for messages.</summary>
    public string Workflow { get; init; } = "bootstrap";

    public IFileSystem Files => Workspace.Files;

    public TimeProvider Time => Environment.Time;

    /// <summary>The step running now, for progress details.</summary>
    public string CurrentStep { get; set; } = string.Empty;

    public IReadOnlyList<NodeSettings> ControlPlanes => [.. Cluster.Nodes.Where(n => n.Role == NodeRole.ControlPlane)];

    public NodeSettings FirstControlPlane => ControlPlanes[0];

    /// <summary>The node API address first; the VIP once a step has seen it answer (recorded in the state file).</summary>
    public Uri ApiServer => State.Facts.TryGetValue(Facts.ApiServer, out var s) ? new Uri(s) : NodeApi(FirstControlPlane.Address.ToString());

    public Uri VipApi => NodeApi(Cluster.Network.ApiVip.ToString());

    public static Uri NodeApi(string address) => new($"https://{address}:6443");

    /// <summary>The Kubernetes API through the current <see cref="ApiServer"/>, built on first use.</summary>
    public IKubeApi Kube
    {
        get
        {
            if (_kube is null || _kubeServer != ApiServer)
            {
                (_kube as IDisposable)?.Dispose();
                _kubeServer = ApiServer;
                _kube = Environment.Kube.Create(Kubeconfig, Kubeconfig == Paths.Kubeconfig ? ApiServer : null);
            }

            return _kube;
        }
    }

    /// <summary>The 1Password CLI, its calls shown as progress details like every other command.</summary>
    public OnePasswordCli OnePassword => new(StepRunner, Environment.OnePasswordProgram);

    public void Detail(string message) => Environment.Progress.Detail(CurrentStep, message);

    /// <summary>Runs a program; a missing program or a timeout becomes a diagnostic. The caller judges the exit code.</summary>
    public Task<CommandResult> RunAsync(CommandSpec spec, CancellationToken cancellationToken) => StepRunner.RunAsync(spec, cancellationToken);

    /// <summary>Shows each command as a detail of the current step; a missing program or a timeout fails the step.</summary>
    private WorkflowRunner StepRunner => new(Environment.Runner, Detail, () => Location, () => $"by {Workflow} step '{CurrentStep}'");

    /// <summary>Runs a program that must succeed.</summary>
    public async Task<CommandResult> RunCheckedAsync(CommandSpec spec, CancellationToken cancellationToken)
    {
        var result = await RunAsync(spec, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? result : throw Fail(DiagnosticCatalog.ToolFailed.At(Location, spec.Display(), result.ExitCode, result.ErrorSummary()));
    }

    /// <summary>Where bootstrap diagnostics point: cluster.yaml, the input they derive from.</summary>
    public SourceSpan Location => SourceSpan.File(Workspace.Display(Workspace.ClusterFile));

    public static BootstrapStepException Fail(Diagnostic diagnostic) => new(diagnostic);

    public void SaveState() => State.Save(Files, StateFile);

    public void DisposeKube()
    {
        (_kube as IDisposable)?.Dispose();
        _kube = null;
    }
}
