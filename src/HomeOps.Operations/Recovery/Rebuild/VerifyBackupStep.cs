using HomeOps.Core.Diagnostics;
using HomeOps.Operations.Bootstrap;
using HomeOps.Operations.Recovery.Backup;

namespace HomeOps.Operations.Recovery.Rebuild;

/// <summary>
/// Checks the backup against its manifest again at the start of every run (the plan checked it too): a file that
/// changed since, or went missing, stops the rebuild before it resets anything (HO7008-HO7010).
/// </summary>
public sealed class VerifyBackupStep(BackupManifest manifest, string directory) : BootstrapStep
{
    public const string StepName = "verify-backup";

    public override string Name => StepName;

    public override string Description => $"verify backup {manifest.Id} of {manifest.Cluster} against its manifest";

    public override bool AlwaysRuns => true;

    public override Task<bool> IsDoneAsync(BootstrapContext context, CancellationToken cancellationToken) => Task.FromResult(false);

    public override Task RunAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        var location = SourceSpan.File(context.Workspace.Display(Path.Combine(directory, BackupRun.ManifestFile)));
        var (verified, problems) = BackupManifest.Verify(context.Files, directory, location, context.Workspace.Display);
        if (verified is null)
        {
            throw new BootstrapStepException(problems);
        }

        context.Detail($"{verified.Files.Count} files match their SHA-256");
        return Task.CompletedTask;
    }

    public override IEnumerable<string> Plan(BootstrapContext context) =>
        [$"check {context.Workspace.Display(Path.Combine(directory, BackupRun.ManifestFile))}: SHA-256 and size of {string.Join(", ", manifest.Files.Select(f => f.Name))}"];
}
