using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Model;
using HomeOps.Operations.Bootstrap;
using HomeOps.Operations.Recovery.Backup;
using HomeOps.Operations.Recovery.Flux;

namespace HomeOps.Operations.Recovery.Restore;

/// <summary>
/// `homeops recovery restore BACKUP`: the data half of a rebuild, on a freshly bootstrapped cluster whose data
/// Kustomizations are still suspended. The backup is verified first (a missing file or a wrong checksum restores
/// nothing); then Longhorn restores every volume, the database Kustomization comes back (its Cluster recovering from
/// the backup into a new serverName) and is waited for, and only then everything that uses the data is resumed, in
/// graph order, each depth Ready before the next.
/// </summary>
public static class RestoreService
{
    public const string Workflow = "recovery-restore";

    public static Task<IReadOnlyList<Diagnostic>> RunAsync(Workspace workspace, BootstrapEnvironment environment, BootstrapOptions options, string backupDirectory,
        Func<BootstrapStep, BootstrapStep>? wrap, CancellationToken cancellationToken) =>
        RecoveryWorkflow.RunAsync(workspace, environment, options, Workflow, inputs => PlanAsync(inputs, backupDirectory, cancellationToken), wrap, cancellationToken);

    private static async Task<(IReadOnlyList<BootstrapStep> Steps, IReadOnlyList<Diagnostic> Problems)> PlanAsync(RecoveryWorkflow.Inputs inputs, string backupDirectory, CancellationToken cancellationToken)
    {
        var files = inputs.Workspace.Files;
        var directory = files.GetFullPath(backupDirectory);
        var (manifest, problems) = BackupManifest.Verify(files, directory, SourceSpan.File(inputs.Workspace.Display(Path.Combine(directory, BackupRun.ManifestFile))), inputs.Workspace.Display);
        if (manifest is null)
        {
            return ([], problems);
        }

        if (manifest.Cluster != inputs.Cluster.Cluster.Name)
        {
            return ([], [DiagnosticCatalog.RecoveryBackupOfAnotherCluster.At(inputs.Location, inputs.Workspace.Display(directory), manifest.Cluster, inputs.Cluster.Cluster.Name)]);
        }

        if (RecoveryWorkflow.RequireKubeconfig(inputs) is { } missing)
        {
            return ([], [missing]);
        }

        var (tree, diagnostics) = await FluxTree.LoadAsync(inputs, cancellationToken).ConfigureAwait(false);
        if (tree is null)
        {
            return ([], diagnostics);
        }

        var steps = new List<BootstrapStep>();
        var volumeKustomization = Applier(tree, o => o.Is("storage.k8s.io", "StorageClass") && o.Root.Str("provisioner") == "driver.longhorn.io");
        var volumeGate = new List<string>();
        if (manifest.Volumes is { } volumes)
        {
            steps.Add(new VolumeRestoreStep(manifest, volumes));
            volumeGate.Add(VolumeRestoreStep.StepName);
        }

        var databases = manifest.Databases.Select(d => (Backup: d, Kustomization: Applier(tree, o => o.Is("postgresql.cnpg.io", "Cluster") && o.Name == d.Cluster && o.Namespace == d.Namespace))).ToList();
        var volumeUsers = volumeKustomization is null ? new HashSet<string>() : tree.DependentsOf(volumeKustomization).ToHashSet(StringComparer.Ordinal);
        var databaseOwners = databases.Select(d => d.Kustomization).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var databaseUsers = databaseOwners.SelectMany(tree.DependentsOf).ToHashSet(StringComparer.Ordinal);
        var resumed = new HashSet<string>([.. volumeUsers, .. databaseOwners, .. databaseUsers], StringComparer.Ordinal);
        if (volumeKustomization is not null)
        {
            resumed.Add(volumeKustomization);
        }

        var databaseSteps = databases.Select(d => DatabaseRestoreStep.StepName(d.Backup)).ToList();
        var resumeSteps = FluxSuspendService.ResumeSteps(tree, resumed, depth =>
            tree.Levels[depth].Any(k => databaseUsers.Contains(k.Id)) ? [.. volumeGate, .. databaseSteps]
            : tree.Levels[depth].Any(k => volumeUsers.Contains(k.Id) || databaseOwners.Contains(k.Id)) ? volumeGate
            : []);
        steps.AddRange(resumeSteps);
        foreach (var (backup, kustomization) in databases)
        {
            // The Cluster exists once the Kustomization that applies it is back; it waits for the volumes like the rest.
            var depth = kustomization is null ? -1 : tree.DepthOf(kustomization);
            var resume = resumeSteps.FirstOrDefault(s => s.Name == ResumeLevelStep.StepName(depth));
            steps.Add(new DatabaseRestoreStep(backup, [.. volumeGate, .. resume is null ? [] : new[] { resume.Name }]));
        }

        return (steps, diagnostics);
    }

    /// <summary>The id of the Kustomization that applies the first object matching <paramref name="match"/>, or null.</summary>
    private static string? Applier(FluxTree tree, Func<KubeObject, bool> match) =>
        tree.Tree.Tree.Kustomizations.FirstOrDefault(k => k.Objects.Any(match))?.Id;
}
