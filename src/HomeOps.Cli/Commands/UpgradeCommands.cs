using System.CommandLine;
using HomeOps.Cli.Output;
using HomeOps.Core.Diagnostics.Output;
using HomeOps.Operations;
using HomeOps.Operations.Status;
using HomeOps.Operations.Upgrades;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Cli.Commands;

/// <summary>`homeops upgrade plan`: the Talos and Kubernetes hops from what runs to the targets, in a supported order.</summary>
internal static class UpgradeCommands
{
    public static Command Create(CliContext context)
    {
        var upgrade = new Command("upgrade", "Plan Talos and Kubernetes upgrades along the path Talos supports");
        upgrade.Subcommands.Add(Plan(context));
        return upgrade;
    }

    private static Command Plan(CliContext context)
    {
        var file = CommonOptions.ClusterFile();
        var talos = new Option<string?>("--talos") { Description = "Target Talos version (default: cluster.talosVersion in cluster.yaml)" };
        var kubernetes = new Option<string?>("--kubernetes") { Description = "Target Kubernetes version (default: cluster.kubernetesVersion in cluster.yaml)" };
        var offline = new Option<bool>("--offline") { Description = "Take the running versions from cluster.yaml instead of reading the cluster's nodes" };
        var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var kubeconfig = ClusterOptions.Kubeconfig();
        var tuppr = new Option<bool>("--emit-tuppr") { Description = "Print the plan's next step as a tuppr TalosUpgrade or KubernetesUpgrade (with HomeOps's gates as its health checks) instead of the plan" };
        var command = new Command("plan", "From the versions the cluster runs (read live, or cluster.yaml with --offline) to the targets: every Talos minor at its newest patch, one Kubernetes minor at a time, never an unsupported pair. Exit 1: the targets cannot be reached; 2: the cluster could not be read")
        {
            file, talos, kubernetes, offline, format, kubeconfig, tuppr,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var workspace = Workspace.Locate(context.Files, context.WorkingDirectory, parse.GetValue(file));
            var request = new UpgradePlanRequest(parse.GetValue(talos), parse.GetValue(kubernetes));
            ClusterSnapshot? cluster = null;
            if (!parse.GetValue(offline))
            {
                var targets = StatusTargets.Resolve(workspace, parse.GetValue(kubeconfig), talosconfig: null, context.Environment);
                var factory = new KubeClientFactory(context.Time, context.KubeRewrite, maxRetries: 2, retryDelay: TimeSpan.FromMilliseconds(200)) { RequestTimeout = TimeSpan.FromSeconds(15) };
                cluster = ClusterConnection.Open(targets.Kubeconfig, targets.KubeconfigMissing, factory, context.Files, context.Time);
            }

            try
            {
                var result = await UpgradePlanService.PlanAsync(workspace, request, cluster, cancellationToken).ConfigureAwait(false);
                if (parse.GetValue(tuppr))
                {
                    DiagnosticPrinter.Print(context, workspace, OutputFormat.Text, result.Diagnostics);
                    if (result.Plan is { } plan && Core.Upgrades.TupprManifest.ForNextStep(plan) is { } manifest)
                    {
                        await context.Out.WriteAsync(manifest).ConfigureAwait(false);
                    }
                    else if (result.Plan is { CanRun: true })
                    {
                        await context.Error.WriteLineAsync("homeops: nothing to upgrade: the cluster runs the targets, so there is no tuppr object to emit").ConfigureAwait(false);
                    }
                }
                else if (parse.GetValue(format) == "json")
                {
                    await context.Out.WriteAsync(UpgradePlanOutput.Json(result)).ConfigureAwait(false);
                }
                else
                {
                    DiagnosticPrinter.Print(context, workspace, OutputFormat.Text, result.Diagnostics);
                    await context.Out.WriteAsync(UpgradePlanOutput.Text(result)).ConfigureAwait(false);
                }

                return result.Diagnostics.Any(d => d.Code is "HO9007") ? ExitCodes.UsageOrEnvironment : ExitCodeFor.Diagnostics(result.Diagnostics);
            }
            finally
            {
                (cluster?.Api as IDisposable)?.Dispose();
            }
        });
        return command;
    }
}
