using System.Text.Json.Nodes;
using HomeOps.Core.Diagnostics;
using HomeOps.Operations.Bootstrap;
using HomeOps.Operations.Bootstrap.Steps;
using HomeOps.Operations.Recovery.Backup;
using HomeOps.Operations.Recovery.Flux;
using HomeOps.Operations.Recovery.Restore;

namespace HomeOps.Operations.Recovery.Rebuild;

/// <summary>
/// `homeops recovery rebuild BACKUP`: one resumable plan on the bootstrap's engine. The backup is verified, every
/// node reset (STATE and EPHEMERAL), the cluster bootstrapped again by the bootstrap's own steps, except that the
/// Kustomizations holding or using the backup's data are created suspended before Flux applies the tree (and the
/// database's with its generated recovery), and then the restore's steps bring the data back and resume them in
/// graph order. Nothing is reset until the backup, the tree and the recovery it needs have been checked.
/// </summary>
public static class RebuildService
{
    public const string Workflow = "recovery-rebuild";

    /// <param name="BackupDirectory">The backup folder (holding manifest.json).</param>
    /// <param name="TypedName">The cluster name the operator typed to confirm the reset (not needed for --dry-run).</param>
    /// <param name="EtcdSnapshot">Bootstrap etcd from the backup's etcd.snapshot (talosctl bootstrap --recover-from) instead of empty.</param>
    public sealed record Request(string BackupDirectory, string? TypedName, bool EtcdSnapshot = false);

    public static Task<IReadOnlyList<Diagnostic>> RunAsync(Workspace workspace, BootstrapEnvironment environment, BootstrapOptions options, Request request,
        Func<BootstrapStep, BootstrapStep>? wrap, CancellationToken cancellationToken) =>
        RecoveryWorkflow.RunAsync(workspace, environment, options, Workflow, inputs => PlanAsync(inputs, request, cancellationToken), wrap, cancellationToken);

    private static async Task<(IReadOnlyList<BootstrapStep> Steps, IReadOnlyList<Diagnostic> Problems)> PlanAsync(RecoveryWorkflow.Inputs inputs, Request request, CancellationToken cancellationToken)
    {
        var (manifest, directory, problems) = RestoreService.LoadBackup(inputs, request.BackupDirectory);
        if (manifest is null)
        {
            return ([], problems);
        }

        var name = inputs.Cluster.Cluster.Name;
        if (!inputs.Options.DryRun && request.TypedName?.Trim() != name)
        {
            return ([], [DiagnosticCatalog.ResetConfirmationMismatch.At(inputs.Location, request.TypedName?.Trim() ?? string.Empty, name)]);
        }

        if (request.EtcdSnapshot && manifest.Files.All(f => f.Name != BackupRun.EtcdFile))
        {
            return ([], [DiagnosticCatalog.RecoveryBackupFileMissing.At(inputs.Location, BackupRun.EtcdFile, inputs.Workspace.Display(directory))]);
        }

        var (bootstrap, diagnostics) = await BootstrapService.PlanInputsAsync(inputs.Workspace, inputs.Environment, inputs.Cluster, cancellationToken).ConfigureAwait(false);
        if (bootstrap is null)
        {
            return ([], diagnostics);
        }

        var tree = FluxTree.From(bootstrap.Tree);
        var restore = RestorePlan.Build(tree, manifest);
        var patches = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var database in restore.Databases)
        {
            var (recovery, problem) = DatabaseRecovery.Generate(database.Backup, DatabaseRecovery.TreeCluster(bootstrap.Tree, database.Backup));
            if (recovery is null || database.Kustomization is null)
            {
                return ([], [DiagnosticCatalog.RecoveryDatabaseNotRecoverable.At(inputs.Location, $"{database.Backup.Namespace}/{database.Backup.Cluster}", database.Backup.ServerName, problem ?? "no Kustomization of the tree applies it")]);
            }

            patches[database.Kustomization] = recovery.KustomizationPatch();
        }

        return (Steps(bootstrap, manifest, directory, request, tree, restore, patches), []);
    }

    private static List<BootstrapStep> Steps(BootstrapPlanInputs bootstrap, BackupManifest manifest, string directory, Request request, FluxTree tree, RestorePlan restore, Dictionary<string, JsonObject> patches)
    {
        var steps = new List<BootstrapStep> { new VerifyBackupStep(manifest, directory) };
        var held = tree.All.Where(k => restore.Held.Contains(k.Id)).ToList();
        foreach (var step in BootstrapPlan.Steps(bootstrap))
        {
            steps.Add(step.Name switch
            {
                PreflightStep.StepName => new GatedStep(step, [VerifyBackupStep.StepName]),
                ApplyConfigsStep.StepName => new GatedStep(step, [ResetNodesStep.StepName]),
                EtcdBootstrapStep.StepName when request.EtcdSnapshot => new EtcdBootstrapStep(Path.Combine(directory, BackupRun.EtcdFile)),
                // A restored etcd holds the data Kustomizations unsuspended: hold them before the nodes can run anything.
                NodesRegisteredStep.StepName when request.EtcdSnapshot => new GatedStep(step, [HoldDataStep.StepName]),
                FluxSyncStep.StepName => new GatedStep(step, [HoldDataStep.StepName]),
                FluxReadyStep.StepName => new FluxReadyStep(restore.Held),
                _ => step,
            });
            if (step.Name == TalosConfigsStep.StepName)
            {
                // The talosconfig rendered from the same secrets reaches the old nodes, so the reset needs no file from the old cluster.
                steps.Add(new ResetNodesStep(manifest.Id, request.TypedName, [TalosConfigsStep.StepName]));
            }
            else if (step.Name == ApiReadyStep.StepName && request.EtcdSnapshot)
            {
                steps.Add(new HoldDataStep(manifest.Id, held, patches, manifest.Databases, [ApiReadyStep.StepName]));
            }
            else if (step.Name == FluxSyncStep.StepName && !request.EtcdSnapshot)
            {
                steps.Add(new HoldDataStep(manifest.Id, held, patches, [], step.DependsOn));
            }
        }

        steps.AddRange(restore.Steps.Select(s => new GatedStep(s, [FluxReadyStep.StepName])));
        return steps;
    }
}
