using HomeOps.Core.Diagnostics;
using HomeOps.Operations.Bootstrap;
using HomeOps.Runtime.Tools;

namespace HomeOps.Operations.Recovery.Backup;

/// <summary>
/// `talosctl etcd snapshot` from the first control-plane node into the backup folder. talosctl only renames the file
/// into place once etcd's own checksum is in it, so an existing file is a whole snapshot and the step is done.
/// The snapshot holds every Kubernetes Secret: it stays in the git-ignored folder, mode 0600 as talosctl writes it.
/// </summary>
public sealed class EtcdSnapshotStep(BackupRun run) : BootstrapStep
{
    public const string StepName = "etcd-snapshot";

    public override string Name => StepName;

    public override string Description => "snapshot etcd from the first control-plane node (talosctl etcd snapshot)";

    private string File => run.PathOf(BackupRun.EtcdFile);

    public override Task<bool> IsDoneAsync(BootstrapContext context, CancellationToken cancellationToken) =>
        Task.FromResult(context.Files.FileExists(File) && context.Files.FileSize(File) > 0);

    public override async Task RunAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        var node = context.FirstControlPlane.Address.ToString();
        context.Files.CreateDirectory(run.Directory);
        var result = await context.RunAsync(Talosctl.EtcdSnapshot(node, context.Paths.Talosconfig, File), cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded || !context.Files.FileExists(File))
        {
            throw BootstrapContext.Fail(DiagnosticCatalog.RecoveryEtcdSnapshotFailed.At(context.Location, node, result.ErrorSummary(2)));
        }

        context.Detail($"{context.Workspace.Display(File)}: {context.Files.FileSize(File)} bytes");
    }

    public override IEnumerable<string> Plan(BootstrapContext context) =>
        [Talosctl.EtcdSnapshot(context.FirstControlPlane.Address.ToString(), context.Paths.Talosconfig, File).Display()];
}
