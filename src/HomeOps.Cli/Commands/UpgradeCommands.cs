using HomeOps.Operations.Status;
using HomeOps.Operations.Upgrades;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Cli.Commands;

/// <summary>
/// `homeops upgrade plan`: the Talos and Kubernetes hops from what runs to the targets, in a supported order;
/// `homeops upgrade talos` and `homeops upgrade kubernetes`: run the plan's next steps of that kind.
/// </summary>
internal static class UpgradeCommands
{
    public static Command Create(CliContext context)
    {
        var upgrade = new Command("upgrade", "Plan Talos and Kubernetes upgrades along the path Talos supports");
        upgrade.Subcommands.Add(Plan(context));
        upgrade.Subcommands.Add(Run(context, "talos",
            "Run the plan's next Talos hops: node by node (control planes first), gated on etcd, Longhorn, Flux and PostgreSQL, drained, upgraded with the schematic's installer image, verified, uncordoned. Nodes already upgraded are skipped (read from the nodes). Exit 1: stopped with a diagnostic"));
        upgrade.Subcommands.Add(Run(context, "kubernetes",
            "Run the plan's next Kubernetes steps with talosctl upgrade-k8s, once every node's Talos supports the target, gated on etcd and Flux. Exit 1: stopped with a diagnostic"));
        return upgrade;
    }

    private static Command Run(CliContext context, string kind, string description)
    {
        var file = CommonOptions.ClusterFile();
        var talos = new Option<string?>("--talos") { Description = "Target Talos version (default: cluster.talosVersion in cluster.yaml)" };
        var kubernetes = new Option<string?>("--kubernetes") { Description = "Target Kubernetes version (default: cluster.kubernetesVersion in cluster.yaml)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print every command and gate in order; change nothing (reads the cluster)" };
        var gateTimeout = new Option<int?>("--gate-timeout") { Description = "Minutes every gate may wait (default: etcd 5, Longhorn 30, Flux 10, PostgreSQL 5, drain 15, node Ready 15)" };
        var kubeconfig = ClusterOptions.Kubeconfig();
        var command = new Command(kind, description) { file, talos, kubernetes, dryRun, gateTimeout, kubeconfig };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var workspace = Workspace.Locate(context.Files, context.WorkingDirectory, parse.GetValue(file));
            var (nodes, problems) = Operations.Nodes.NodeOperationContext.Load(workspace, context.Commands, line => context.Out.WriteLine("  " + line));
            if (nodes is null)
            {
                DiagnosticPrinter.Print(context, workspace, OutputFormat.Text, problems);
                return ExitCodeFor.Diagnostics(problems);
            }

            var targets = StatusTargets.Resolve(workspace, parse.GetValue(kubeconfig), talosconfig: null, context.Environment);
            var factory = new KubeClientFactory(context.Time, context.KubeRewrite, maxRetries: 3, retryDelay: TimeSpan.FromMilliseconds(500)) { RequestTimeout = TimeSpan.FromSeconds(30) };
            var cluster = ClusterConnection.Open(targets.Kubeconfig, targets.KubeconfigMissing, factory, context.Files, context.Time);
            if (cluster.Api is not { } api)
            {
                var why = cluster.UnavailableReason?.Message ?? "no kubeconfig";
                await context.Error.WriteLineAsync($"homeops: upgrade {kind} reads the cluster: {why}").ConfigureAwait(false);
                return ExitCodes.UsageOrEnvironment;
            }

            try
            {
                var timeouts = parse.GetValue(gateTimeout) is { } minutes ? UpgradeTimeouts.All(TimeSpan.FromMinutes(minutes)) : new UpgradeTimeouts();
                var steps = new ClusterNodeSteps(new NodeStepContext(api, context.Time, nodes.Location, nodes.Log), timeouts.Drain, timeouts.Cnpg);
                var run = new UpgradeRunContext(nodes, api, steps, context.Time) { Timeouts = timeouts };
                var request = new UpgradeRunRequest(parse.GetValue(talos), parse.GetValue(kubernetes), parse.GetValue(dryRun));
                var diagnostics = kind == "talos"
                    ? await UpgradeRunService.RunTalosAsync(run, request, cancellationToken).ConfigureAwait(false)
                    : await UpgradeRunService.RunKubernetesAsync(run, request, cancellationToken).ConfigureAwait(false);
                DiagnosticPrinter.Print(context, workspace, OutputFormat.Text, diagnostics);
                return ExitCodeFor.Diagnostics(diagnostics);
            }
            finally
            {
                (api as IDisposable)?.Dispose();
            }
        });
        return command;
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
                cluster = ClusterConnection.OpenForReading(targets, context.Files, context.Time, context.KubeRewrite);
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

                return ExitCodeFor.Diagnostics(result.Diagnostics);
            }
            finally
            {
                (cluster?.Api as IDisposable)?.Dispose();
            }
        });
        return command;
    }
}
