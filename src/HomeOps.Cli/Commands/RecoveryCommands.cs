using HomeOps.Core.Diagnostics;
using HomeOps.Operations.Recovery.Backup;
using HomeOps.Operations.Recovery.HelmReleases;
using HomeOps.Operations.Recovery.Rebuild;
using HomeOps.Operations.Recovery.Restore;
using HomeOps.Operations.Recovery.Rollback;

namespace HomeOps.Cli.Commands;

/// <summary>`homeops recovery backup|verify`: backups a rebuild can restore from, on the bootstrap's step engine.</summary>
internal static class RecoveryCommands
{
    public static Command Create(CliContext context)
    {
        var recovery = new Command("recovery", "Backups, restores and repairs that follow the tree's dependency graph");
        recovery.Subcommands.Add(Backup(context));
        recovery.Subcommands.Add(Verify(context));
        var helmRelease = new Command("helmrelease", "Repairs of one HelmRelease");
        helmRelease.Subcommands.Add(HelmReleaseReset(context));
        recovery.Subcommands.Add(helmRelease);
        recovery.Subcommands.Add(Rollback(context));
        recovery.Subcommands.Add(Restore(context));
        recovery.Subcommands.Add(Rebuild(context));
        return recovery;
    }

    private static Command Backup(CliContext context)
    {
        var step = new StepCommand();
        var output = new Option<string?>("--output", "-o") { Description = "The folder backups go under (default: .homeops/<cluster>/backups, git-ignored)" };
        var command = new Command("backup", "Take an etcd snapshot, export the Flux state (no Secret values), back up every CloudNativePG cluster and Longhorn, and write a manifest with checksums") { output };
        step.AddTo(command);
        command.SetAction((parse, cancellationToken) => step.RunAsync(context, parse, "recovery backup", "backup complete",
            (workspace, environment, options) => BackupService.RunAsync(workspace, environment, options, parse.GetValue(output), wrap: null, cancellationToken)));
        return command;
    }

    private static Command HelmReleaseReset(CliContext context)
    {
        var step = new StepCommand();
        var name = new Argument<string>("NAME") { Description = "The HelmRelease (as the tree names it)" };
        var ns = new Option<string?>("--namespace", "-n") { Description = "Its namespace, when several HelmReleases share the name" };
        var command = new Command("reset", "Unstick a HelmRelease after a failed install or upgrade: suspend it, helm rollback to the last deployed revision (or uninstall a release that never deployed), resume it with a reset reconcile, wait until Ready")
        {
            name, ns,
        };
        step.AddTo(command);
        command.SetAction((parse, cancellationToken) => step.RunAsync(context, parse, $"recovery helmrelease reset {parse.GetValue(name)}", "HelmRelease Ready",
            (workspace, environment, options) => HelmReleaseResetService.RunAsync(workspace, environment, options, parse.GetValue(name)!, parse.GetValue(ns), wrap: null, cancellationToken)));
        return command;
    }

    private static Command Rollback(CliContext context)
    {
        var step = new StepCommand();
        var to = new Option<string>("--to") { Description = "The full commit id Flux should apply (git rev-parse <rev>)", Required = true };
        var command = new Command("rollback", "Point Flux's sync at one git commit and wait until every Kustomization has applied it") { to };
        step.AddTo(command);
        command.SetAction((parse, cancellationToken) => step.RunAsync(context, parse, $"recovery rollback --to {parse.GetValue(to)}", "every Kustomization applied the commit",
            (workspace, environment, options) => RollbackService.RunAsync(workspace, environment, options, parse.GetValue(to)!, wrap: null, cancellationToken)));
        return command;
    }

    private static Command Restore(CliContext context)
    {
        var step = new StepCommand();
        var folder = new Argument<string>("BACKUP") { Description = "The backup folder (the one holding manifest.json)" };
        var command = new Command("restore", "Restore a verified backup's volumes (Longhorn SystemRestore) and databases (CloudNativePG recovery into a new serverName), then resume what uses them in graph order") { folder };
        step.AddTo(command);
        command.SetAction((parse, cancellationToken) => step.RunAsync(context, parse, $"recovery restore {parse.GetValue(folder)}", "data restored and every Kustomization Ready",
            (workspace, environment, options) => RestoreService.RunAsync(workspace, environment, options, Path.Combine(context.WorkingDirectory, parse.GetValue(folder)!), wrap: null, cancellationToken)));
        return command;
    }

    private static Command Rebuild(CliContext context)
    {
        var step = new StepCommand();
        var folder = new Argument<string>("BACKUP") { Description = "The backup folder (the one holding manifest.json)" };
        var confirm = new Option<string?>("--confirm") { Description = "The cluster name, to confirm the reset of every node without a prompt (for scripts)" };
        var etcd = new Option<bool>("--etcd-snapshot") { Description = "Bootstrap etcd from the backup's etcd snapshot (talosctl bootstrap --recover-from) instead of empty: Kubernetes objects come back as they were at the backup" };
        var command = new Command("rebuild", "Rebuild the cluster from a backup: verify it, reset every node (STATE and EPHEMERAL), bootstrap with the data Kustomizations held suspended, restore the volumes and databases (into a new serverName), then resume them in graph order")
        {
            folder, confirm, etcd,
        };
        step.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var typed = parse.GetValue(confirm);
            if (typed is null && !parse.GetValue(step.DryRun))
            {
                context.Out.WriteLine("This resets every node (STATE and EPHEMERAL): the running cluster, its etcd and its local volumes are lost; the backup brings the data back.");
                context.Out.Write("Type the cluster name to continue: ");
                typed = await context.In.ReadLineAsync(cancellationToken).ConfigureAwait(false) ?? string.Empty;
            }

            var request = new RebuildService.Request(Path.Combine(context.WorkingDirectory, parse.GetValue(folder)!), typed, parse.GetValue(etcd));
            return await step.RunAsync(context, parse, $"recovery rebuild {parse.GetValue(folder)}", "cluster rebuilt, data restored and every Kustomization Ready",
                (workspace, environment, options) => RebuildService.RunAsync(workspace, environment, options, request, wrap: null, cancellationToken)).ConfigureAwait(false);
        });
        return command;
    }

    private static Command Verify(CliContext context)
    {
        var folder = new Argument<string>("BACKUP") { Description = "The backup folder (the one holding manifest.json)" };
        var command = new Command("verify", "Check that a backup folder is whole: every file its manifest lists is there with the recorded SHA-256") { folder };
        command.SetAction(parse =>
        {
            var workspace = Workspace.Locate(context.Files, context.WorkingDirectory, null);
            var directory = context.Files.GetFullPath(Path.Combine(context.WorkingDirectory, parse.GetValue(folder)!));
            var location = SourceSpan.File(workspace.Display(Path.Combine(directory, BackupRun.ManifestFile)));
            var (manifest, problems) = BackupManifest.Verify(context.Files, directory, location, workspace.Display);
            DiagnosticPrinter.Print(context, workspace, OutputFormat.Text, problems);
            if (manifest is null)
            {
                return ExitCodeFor.Diagnostics(problems);
            }

            context.Out.WriteLine($"backup {manifest.Id} of {manifest.Cluster} ({manifest.CreatedAt:u}): {manifest.Files.Count} files match their checksums");
            foreach (var database in manifest.Databases)
            {
                context.Out.WriteLine($"  database {database.Namespace}/{database.Cluster}: Backup {database.Backup}, serverName {database.ServerName}, backup id {database.BackupId ?? "unknown"}");
            }

            if (manifest.Volumes is { } volumes)
            {
                context.Out.WriteLine($"  volumes: Longhorn SystemBackup {volumes.Namespace}/{volumes.SystemBackup}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
