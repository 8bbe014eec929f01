using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Diagnostics;
using HomeOps.Operations.Bootstrap;
using HomeOps.Operations.Config;

namespace HomeOps.Operations.Recovery;

/// <summary>
/// Runs a recovery workflow (flux suspend/resume, backup, rebuild, ...) on the bootstrap's step engine: the same
/// probes, waits, dry-run plan and resumable state file, one file per workflow under .homeops/&lt;cluster&gt;/.
/// </summary>
public static class RecoveryWorkflow
{
    /// <summary>What a workflow's plan is built from.</summary>
    public sealed record Inputs(ClusterDefinition Cluster, Workspace Workspace, BootstrapPaths Paths, BootstrapEnvironment Environment, BootstrapOptions Options)
    {
        public SourceSpan Location => SourceSpan.File(Workspace.Display(Workspace.ClusterFile));

        /// <summary>--kubeconfig, else the kubeconfig found as every cluster command finds it (<see cref="KubeconfigLocator"/>).</summary>
        public KubeconfigLocator.Choice Kubeconfig { get; } = KubeconfigLocator.Resolve(Workspace, Paths, Options.Kubeconfig, Environment.Variables);

        /// <summary>Set by <see cref="RequireKubeconfig"/>: the workflow starts from a running cluster (a rebuild uses the kubeconfig its bootstrap writes).</summary>
        public bool RunningCluster { get; set; }
    }

    /// <param name="name">The workflow's name: its state file is .homeops/&lt;cluster&gt;/&lt;name&gt;-state.json.</param>
    /// <param name="plan">Builds the steps, or says why it cannot.</param>
    /// <param name="wrap">Tests wrap steps to interrupt a run at a chosen point.</param>
    public static async Task<IReadOnlyList<Diagnostic>> RunAsync(Workspace workspace, BootstrapEnvironment environment, BootstrapOptions options, string name,
        Func<Inputs, Task<(IReadOnlyList<BootstrapStep> Steps, IReadOnlyList<Diagnostic> Problems)>> plan,
        Func<BootstrapStep, BootstrapStep>? wrap, CancellationToken cancellationToken)
    {
        var config = ClusterConfigService.Load(workspace);
        if (config.Config is null)
        {
            return config.Diagnostics;
        }

        var inputs = new Inputs(config.Config, workspace, BootstrapPaths.For(workspace, config.Config.Cluster.Name), environment, options);
        var (steps, problems) = await plan(inputs).ConfigureAwait(false);
        if (problems.Any(d => d.IsError))
        {
            return problems;
        }

        var (graph, cycle) = BootstrapEngine.BuildGraph([.. steps.Select(wrap ?? (s => s))], inputs.Location);
        if (graph is null)
        {
            return [cycle!];
        }

        var stateFile = StateFile(inputs.Paths, name);
        var state = BootstrapState.Load(workspace.Files, stateFile, config.Config.Cluster.Name);
        InheritApiServer(workspace, inputs.Paths, state);
        var context = new BootstrapContext(config.Config, workspace, inputs.Paths, environment, options, state)
        {
            StateFile = stateFile,
            Workflow = name,
            Kubeconfig = inputs.RunningCluster && inputs.Kubeconfig.Exists(workspace) ? inputs.Kubeconfig.Path! : inputs.Paths.Kubeconfig,
        };
        try
        {
            return [.. problems, .. await BootstrapEngine.RunAsync(graph, context, cancellationToken).ConfigureAwait(false)];
        }
        finally
        {
            context.DisposeKube();
        }
    }

    public static string StateFile(BootstrapPaths paths, string name) => Path.Combine(paths.Root, $"{name}-state.json");

    /// <summary>The API address the bootstrap last saw answer (the VIP once it did), so every workflow talks to the same one.</summary>
    private static void InheritApiServer(Workspace workspace, BootstrapPaths paths, BootstrapState state)
    {
        if (state.Facts.ContainsKey(Facts.ApiServer))
        {
            return;
        }

        var bootstrap = BootstrapState.Load(workspace.Files, paths.StateFile, state.Cluster);
        if (bootstrap.Facts.TryGetValue(Facts.ApiServer, out var server))
        {
            state.Facts[Facts.ApiServer] = server;
        }
    }

    /// <summary>HO6001 when no kubeconfig is found (workflows that start from a running cluster need one; a dry run does not).</summary>
    public static Diagnostic? RequireKubeconfig(Inputs inputs)
    {
        inputs.RunningCluster = true;
        return inputs.Options.DryRun ? null : inputs.Kubeconfig.Require(inputs.Workspace, inputs.Location);
    }
}
