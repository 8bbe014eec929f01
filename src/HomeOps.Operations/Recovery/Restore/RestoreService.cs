using HomeOps.Core.Diagnostics;
using HomeOps.Operations.Bootstrap;
using HomeOps.Operations.Recovery.Backup;
using HomeOps.Operations.Recovery.Flux;

namespace HomeOps.Operations.Recovery.Restore;

/// <summary>
/// `homeops recovery restore BACKUP`: the data half of a rebuild, on a freshly bootstrapped cluster whose data
/// Kustomizations are still suspended. The backup is verified first (a missing file or a wrong checksum restores
/// nothing); then Longhorn restores every volume, the database Kustomization comes back (its Cluster recovering from
/// the backup into a new serverName) and is waited for, and only then everything that uses the data is resumed, in
/// graph order, each depth Ready before the next. `recovery rebuild` runs the same steps (<see cref="RestorePlan"/>).
/// </summary>
public static class RestoreService
{
    public const string Workflow = "recovery-restore";

    public static Task<IReadOnlyList<Diagnostic>> RunAsync(Workspace workspace, BootstrapEnvironment environment, BootstrapOptions options, string backupDirectory,
        Func<BootstrapStep, BootstrapStep>? wrap, CancellationToken cancellationToken) =>
        RecoveryWorkflow.RunAsync(workspace, environment, options, Workflow, inputs => PlanAsync(inputs, backupDirectory, cancellationToken), wrap, cancellationToken);

    private static async Task<(IReadOnlyList<BootstrapStep> Steps, IReadOnlyList<Diagnostic> Problems)> PlanAsync(RecoveryWorkflow.Inputs inputs, string backupDirectory, CancellationToken cancellationToken)
    {
        var (manifest, _, problems) = LoadBackup(inputs, backupDirectory);
        if (manifest is null)
        {
            return ([], problems);
        }

        if (RecoveryWorkflow.RequireKubeconfig(inputs) is { } missing)
        {
            return ([], [missing]);
        }

        var (tree, diagnostics) = await FluxTree.LoadAsync(inputs, cancellationToken).ConfigureAwait(false);
        return tree is null ? ([], diagnostics) : (RestorePlan.Build(tree, manifest).Steps, diagnostics);
    }

    /// <summary>
    /// The backup's manifest once every file matches it (HO7008-HO7010) and it is a backup of this cluster (HO7020);
    /// otherwise why not. Nothing is restored from a backup that fails this.
    /// </summary>
    public static (BackupManifest? Manifest, string Directory, IReadOnlyList<Diagnostic> Problems) LoadBackup(RecoveryWorkflow.Inputs inputs, string backupDirectory)
    {
        var files = inputs.Workspace.Files;
        var directory = files.GetFullPath(backupDirectory);
        var (manifest, problems) = BackupManifest.Verify(files, directory, SourceSpan.File(inputs.Workspace.Display(Path.Combine(directory, BackupRun.ManifestFile))), inputs.Workspace.Display);
        if (manifest is null)
        {
            return (null, directory, problems);
        }

        return manifest.Cluster != inputs.Cluster.Cluster.Name
            ? (null, directory, [DiagnosticCatalog.RecoveryBackupOfAnotherCluster.At(inputs.Location, inputs.Workspace.Display(directory), manifest.Cluster, inputs.Cluster.Cluster.Name)])
            : (manifest, directory, []);
    }
}
