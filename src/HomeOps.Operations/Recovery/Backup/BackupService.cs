using HomeOps.Core.Diagnostics;
using HomeOps.Operations.Bootstrap;
using HomeOps.Operations.Bootstrap.Tree;

namespace HomeOps.Operations.Recovery.Backup;

/// <summary>
/// `homeops recovery backup`: an etcd snapshot, an export of the cluster's Flux state (no Secret values), an
/// on-demand CloudNativePG backup per database cluster and a Longhorn SystemBackup, each waited for, then a manifest
/// with checksums. One folder per backup; a stopped run resumes the same backup (its id is in the state file) until
/// the manifest is written, and the next run starts a new one.
/// </summary>
public static class BackupService
{
    public const string Workflow = "recovery-backup";

    /// <summary>State-file facts: the backup being taken, so --resume (or a plain rerun) finishes it.</summary>
    public const string IdFact = "backupId";
    public const string DirectoryFact = "backupDirectory";

    /// <param name="outputRoot">The folder backups go under (default .homeops/&lt;cluster&gt;/backups).</param>
    public static Task<IReadOnlyList<Diagnostic>> RunAsync(Workspace workspace, BootstrapEnvironment environment, BootstrapOptions options, string? outputRoot,
        Func<BootstrapStep, BootstrapStep>? wrap, CancellationToken cancellationToken) =>
        RecoveryWorkflow.RunAsync(workspace, environment, options, Workflow, inputs => PlanAsync(inputs, outputRoot, cancellationToken), wrap, cancellationToken);

    private static async Task<(IReadOnlyList<BootstrapStep> Steps, IReadOnlyList<Diagnostic> Problems)> PlanAsync(RecoveryWorkflow.Inputs inputs, string? outputRoot, CancellationToken cancellationToken)
    {
        if (RecoveryWorkflow.RequireKubeconfig(inputs) is { } missing)
        {
            return ([], [missing]);
        }

        var (tree, diagnostics) = await BootstrapTree.LoadAsync(inputs.Workspace, inputs.Environment.CheckRunner, inputs.Environment.Time, cancellationToken).ConfigureAwait(false);
        if (tree is null)
        {
            return ([], diagnostics);
        }

        var targets = BackupTargets.From(tree);
        var run = CurrentRun(inputs, outputRoot);
        var problems = new List<Diagnostic>(diagnostics);
        var steps = new List<BootstrapStep> { new EtcdSnapshotStep(run), new ClusterStateStep(run, BootstrapSecrets(tree)) };
        foreach (var database in targets.Databases)
        {
            if (database.Method is null)
            {
                problems.Add(DiagnosticCatalog.RecoveryDatabaseNotBackedUp.At(inputs.Location, database.Id));
                continue;
            }

            steps.Add(new DatabaseBackupStep(run, database));
        }

        if (targets.LonghornNamespace is { } longhorn)
        {
            steps.Add(new VolumeBackupStep(run, longhorn));
        }

        steps.Add(new BackupManifestStep(run, targets, [.. steps.Select(s => s.Name)]));
        return (steps, problems);
    }

    /// <summary>
    /// The backup this run works on: the unfinished one the state file names, or a new one (recorded in the state
    /// file before anything is taken, except in a dry run, which writes nothing).
    /// </summary>
    private static BackupRun CurrentRun(RecoveryWorkflow.Inputs inputs, string? outputRoot)
    {
        var files = inputs.Workspace.Files;
        var stateFile = RecoveryWorkflow.StateFile(inputs.Paths, Workflow);
        var state = BootstrapState.Load(files, stateFile, inputs.Cluster.Cluster.Name);
        // Finished means the state file records the manifest step done; a run killed right after writing the
        // manifest is finished by the next run (its probe sees the manifest), not replaced by a new backup.
        if (state.Facts.TryGetValue(IdFact, out var id) && state.Facts.TryGetValue(DirectoryFact, out var directory)
            && !state.IsDone(BackupManifestStep.StepName))
        {
            return new BackupRun(id, directory);
        }

        var root = outputRoot is null ? Path.Combine(inputs.Paths.Root, "backups") : files.GetFullPath(outputRoot);
        var newId = BackupRun.NewId(inputs.Environment.Time);
        // Two backups started within one second get distinct folders, never a shared one.
        for (var n = 2; files.DirectoryExists(Path.Combine(root, newId)); n++)
        {
            newId = $"{BackupRun.NewId(inputs.Environment.Time)}-{n}";
        }

        var run = new BackupRun(newId, Path.Combine(root, newId));
        if (!inputs.Options.DryRun)
        {
            var fresh = new BootstrapState { Cluster = inputs.Cluster.Cluster.Name };
            foreach (var (key, value) in state.Facts.Where(f => f.Key is not IdFact and not DirectoryFact))
            {
                fresh.Facts[key] = value;
            }

            fresh.Facts[IdFact] = run.Id;
            fresh.Facts[DirectoryFact] = run.Directory;
            fresh.Save(files, stateFile);
        }

        return run;
    }

    /// <summary>The two Secrets the bootstrap applies from 1Password (Connect's credentials and token), as the tree names them.</summary>
    private static IReadOnlyList<(string Namespace, string Name)> BootstrapSecrets(BootstrapTree tree)
    {
        var (charts, _) = CoreCharts.Resolve(tree, SourceSpan.File("cluster.yaml"));
        var inputs = new BootstrapPlanInputs(tree, charts);
        return Bootstrap.Steps.BootstrapSecretsStep.SecretNames(inputs);
    }
}
