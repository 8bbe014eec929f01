using HomeOps.Core.GitOps.Model;
using HomeOps.Operations.Bootstrap;
using HomeOps.Operations.Recovery.Backup;
using HomeOps.Operations.Recovery.Flux;

namespace HomeOps.Operations.Recovery.Restore;

/// <summary>
/// The restore's steps for one backup and one tree: the Longhorn SystemRestore, the Kustomizations that hold or use
/// the data (<see cref="Held"/>) resumed in graph order with gates (a depth that holds the database or mounts a
/// Longhorn volume waits for the volumes; one that uses the database also for the database), and a database step per
/// CloudNativePG backup once its Kustomization is back. <see cref="Held"/> is closed under dependents: nothing outside
/// it depends on anything in it, so the rest of the tree can be Ready while these stay suspended.
/// </summary>
public sealed record RestorePlan(IReadOnlyList<BootstrapStep> Steps, IReadOnlySet<string> Held, IReadOnlyList<RestorePlan.Database> Databases)
{
    /// <param name="Kustomization">The id of the Kustomization that applies the Cluster, or null when the tree has none.</param>
    public sealed record Database(BackupManifest.DatabaseBackup Backup, string? Kustomization);

    public static RestorePlan Build(FluxTree tree, BackupManifest manifest)
    {
        var steps = new List<BootstrapStep>();
        var volumeKustomization = Applier(tree, o => o.Is("storage.k8s.io", "StorageClass") && o.Root.Str("provisioner") == "driver.longhorn.io");
        var volumeGate = new List<string>();
        if (manifest.Volumes is { } volumes)
        {
            steps.Add(new VolumeRestoreStep(manifest, volumes));
            volumeGate.Add(VolumeRestoreStep.StepName);
        }

        var databases = manifest.Databases.Select(d => new Database(d, Applier(tree, o => o.Is("postgresql.cnpg.io", "Cluster") && o.Name == d.Cluster && o.Namespace == d.Namespace))).ToList();
        var volumeUsers = volumeKustomization is null ? new HashSet<string>() : tree.DependentsOf(volumeKustomization).ToHashSet(StringComparer.Ordinal);
        var databaseOwners = databases.Select(d => d.Kustomization).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var databaseUsers = databaseOwners.SelectMany(tree.DependentsOf).ToHashSet(StringComparer.Ordinal);
        var held = new HashSet<string>([.. volumeUsers, .. databaseOwners, .. databaseUsers], StringComparer.Ordinal);
        if (volumeKustomization is not null)
        {
            held.Add(volumeKustomization);
        }

        var databaseSteps = databases.Select(d => DatabaseRestoreStep.StepName(d.Backup)).ToList();
        var resumeSteps = FluxSuspendService.ResumeSteps(tree, held, depth =>
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

        return new RestorePlan(steps, held, databases);
    }

    /// <summary>The id of the Kustomization that applies the first object matching <paramref name="match"/>, or null.</summary>
    private static string? Applier(FluxTree tree, Func<KubeObject, bool> match) =>
        tree.Tree.Tree.Kustomizations.FirstOrDefault(k => k.Objects.Any(match))?.Id;
}
