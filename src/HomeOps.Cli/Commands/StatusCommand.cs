using HomeOps.Core.Status;
using HomeOps.Operations.Status;

namespace HomeOps.Cli.Commands;

/// <summary>`homeops status`: one view of the running cluster, each section one list per kind.</summary>
internal static class StatusCommand
{
    public static Command Create(CliContext context)
    {
        var file = CommonOptions.ClusterFile();
        var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var watch = new Option<bool>("--watch", "-w") { Description = "Read the cluster again every --interval seconds until interrupted" };
        var interval = new Option<int>("--interval") { Description = "Seconds between two reads with --watch", DefaultValueFactory = _ => 10 };
        var kubeconfig = ClusterOptions.Kubeconfig();
        var talosconfig = ClusterOptions.Talosconfig();
        var command = new Command("status", "Show the running cluster: Talos, Kubernetes, Flux (with what blocks what), Cilium, Longhorn, CloudNativePG, certificates, secrets. Exit 1: something is unhealthy; 2: something could not be asked")
        {
            file, format, watch, interval, kubeconfig, talosconfig,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var workspace = Workspace.Locate(context.Files, context.WorkingDirectory, parse.GetValue(file));
            var targets = StatusTargets.Resolve(workspace, parse.GetValue(kubeconfig), parse.GetValue(talosconfig), context.Environment);
            var json = parse.GetValue(format) == "json";
            var service = StatusService.Default();
            var exitCode = ExitCodes.Success;
            do
            {
                var report = await RunOnceAsync(context, targets, service, cancellationToken).ConfigureAwait(false);
                exitCode = report.ExitCode;
                await context.Out.WriteAsync(json ? StatusJson.Format(report) : StatusText.Format(report)).ConfigureAwait(false);
                if (!parse.GetValue(watch))
                {
                    break;
                }

                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(interval))), context.Time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                await context.Out.WriteLineAsync($"--- {context.Time.GetLocalNow():HH:mm:ss} ---").ConfigureAwait(false);
            }
            while (!cancellationToken.IsCancellationRequested);

            return exitCode;
        });
        return command;
    }

    internal static async Task<StatusReport> RunOnceAsync(CliContext context, StatusTargets targets, StatusService service, CancellationToken cancellationToken)
    {
        var snapshot = ClusterConnection.OpenForReading(targets, context.Files, context.Time, context.KubeRewrite);
        try
        {
            var statusContext = StatusContext.For(snapshot, targets, context.Time, context.Commands);
            return await service.RunAsync(statusContext, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            (snapshot.Api as IDisposable)?.Dispose();
        }
    }
}
