using HomeOps.Core.Diagnostics;
using HomeOps.Operations.Bootstrap;
using HomeOps.Operations.Bootstrap.Tree;

namespace HomeOps.Operations.Recovery.HelmReleases;

/// <summary>
/// `homeops recovery helmrelease reset NAME`: the known fix for a HelmRelease stuck after a failed install or
/// upgrade: suspend it, roll the Helm release back to its last deployed revision (or uninstall a release that never
/// deployed), then resume it with a reconcile that resets its failure count, and wait until it is Ready.
/// </summary>
public static class HelmReleaseResetService
{
    public static string Workflow(HelmReleaseTarget target) => $"helmrelease-reset-{target.Namespace}-{target.Name}";

    public static async Task<IReadOnlyList<Diagnostic>> RunAsync(Workspace workspace, BootstrapEnvironment environment, BootstrapOptions options, string name, string? ns,
        Func<BootstrapStep, BootstrapStep>? wrap, CancellationToken cancellationToken)
    {
        // The workflow's state file is per HelmRelease, so the target is found before the workflow starts.
        var (target, problems) = await FindAsync(workspace, environment, name, ns, cancellationToken).ConfigureAwait(false);
        if (target is null)
        {
            return problems;
        }

        return await RecoveryWorkflow.RunAsync(workspace, environment, options, Workflow(target), inputs => PlanAsync(inputs, target, cancellationToken), wrap, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The HelmRelease of the tree with that name (and namespace, when given).</summary>
    private static async Task<(HelmReleaseTarget? Target, IReadOnlyList<Diagnostic> Problems)> FindAsync(Workspace workspace, BootstrapEnvironment environment, string name, string? ns, CancellationToken cancellationToken)
    {
        var (tree, diagnostics) = await BootstrapTree.LoadAsync(workspace, environment.CheckRunner, environment.Time, cancellationToken).ConfigureAwait(false);
        if (tree is null)
        {
            return (null, diagnostics);
        }

        var location = SourceSpan.File(workspace.Display(workspace.ClusterFile));
        var releases = tree.OfKind("helm.toolkit.fluxcd.io", "HelmRelease").ToList();
        var matches = releases.Where(r => r.Name == name && (ns is null || r.Namespace == ns)).ToList();
        return matches.Count switch
        {
            1 => (HelmReleaseTarget.From(BootstrapTree.ToJson(matches[0])), []),
            0 => (null, [DiagnosticCatalog.RecoveryUnknownHelmRelease.At(location, ns is null ? name : $"{ns}/{name}",
                string.Join(", ", releases.Select(r => $"{r.Namespace}/{r.Name}").Order(StringComparer.Ordinal)))]),
            _ => (null, [DiagnosticCatalog.RecoveryAmbiguousHelmRelease.At(location, name, string.Join(", ", matches.Select(r => r.Namespace).Order(StringComparer.Ordinal)))]),
        };
    }

    private static async Task<(IReadOnlyList<BootstrapStep> Steps, IReadOnlyList<Diagnostic> Problems)> PlanAsync(RecoveryWorkflow.Inputs inputs, HelmReleaseTarget target, CancellationToken cancellationToken)
    {
        if (RecoveryWorkflow.RequireKubeconfig(inputs) is { } missing)
        {
            return ([], [missing]);
        }

        ReleaseRepair? planned = null;
        if (inputs.Options.DryRun && inputs.Workspace.Files.FileExists(inputs.Paths.Kubeconfig))
        {
            // helm history only reads: the dry run shows the exact rollback or uninstall it would run.
            var probe = new BootstrapContext(inputs.Cluster, inputs.Workspace, inputs.Paths, inputs.Environment, inputs.Options, new BootstrapState());
            try
            {
                planned = await RepairReleaseStep.DecideAsync(probe, target, inputs.Environment.Runner.RunAsync, cancellationToken).ConfigureAwait(false);
            }
            catch (BootstrapStepException)
            {
                planned = null;
            }
        }

        return ([new SuspendHelmReleaseStep(target), new RepairReleaseStep(target, planned), new ResumeHelmReleaseStep(target)], []);
    }
}
