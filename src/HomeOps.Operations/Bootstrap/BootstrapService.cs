using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Diagnostics;
using HomeOps.Operations.Bootstrap.Tree;
using HomeOps.Operations.Config;

namespace HomeOps.Operations.Bootstrap;

/// <summary>`homeops bootstrap`: load cluster.yaml and the tree, build the step graph, run it (or print it).</summary>
public static class BootstrapService
{
    public static Task<IReadOnlyList<Diagnostic>> RunAsync(Workspace workspace, BootstrapEnvironment environment, BootstrapOptions options, CancellationToken cancellationToken) =>
        RunAsync(workspace, environment, options, wrap: null, cancellationToken);

    /// <param name="wrap">Tests wrap steps to interrupt a run at a chosen point.</param>
    internal static async Task<IReadOnlyList<Diagnostic>> RunAsync(Workspace workspace, BootstrapEnvironment environment, BootstrapOptions options, Func<BootstrapStep, BootstrapStep>? wrap, CancellationToken cancellationToken)
    {
        var config = ClusterConfigService.Load(workspace);
        if (config.Config is null)
        {
            var errors = config.Diagnostics.Where(d => d.IsError).ToList();
            return [.. config.Diagnostics, DiagnosticCatalog.BootstrapInputInvalid.At(SourceSpan.File(workspace.Display(workspace.ClusterFile)), errors.Count)];
        }

        var cluster = config.Config;
        var paths = BootstrapPaths.For(workspace, cluster.Cluster.Name);
        var location = SourceSpan.File(workspace.Display(workspace.ClusterFile));
        var (inputs, problems) = await PlanInputsAsync(workspace, environment, cluster, cancellationToken).ConfigureAwait(false);
        if (inputs is null)
        {
            return problems;
        }

        var (graph, cycle) = BootstrapEngine.BuildGraph([.. BootstrapPlan.Steps(inputs).Select(wrap ?? (s => s))], location);
        if (graph is null)
        {
            return [cycle!];
        }

        var state = BootstrapState.Load(workspace.Files, paths.StateFile, cluster.Cluster.Name);
        var context = new BootstrapContext(cluster, workspace, paths, environment, options, state);
        try
        {
            return await BootstrapEngine.RunAsync(graph, context, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            context.DisposeKube();
        }
    }

    /// <summary>
    /// The tree built as `validate` builds it and every core chart resolved from it. Any chart that cannot be
    /// resolved stops the bootstrap here, before the plan is shown or anything is applied.
    /// </summary>
    internal static async Task<(BootstrapPlanInputs? Inputs, IReadOnlyList<Diagnostic> Problems)> PlanInputsAsync(Workspace workspace, BootstrapEnvironment environment, ClusterDefinition cluster, CancellationToken cancellationToken)
    {
        var (tree, buildErrors) = await BootstrapTree.LoadAsync(workspace, environment.CheckRunner, environment.Time, cancellationToken).ConfigureAwait(false);
        if (tree is null)
        {
            return (null, buildErrors);
        }

        var entry = cluster.GitOps.SpanOf(nameof(GitOpsSettings.Path));
        var (charts, problems) = CoreCharts.Resolve(tree, entry);
        return problems.Count > 0 ? (null, problems) : (new BootstrapPlanInputs(tree, charts), []);
    }
}
