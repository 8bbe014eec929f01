using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Upgrades;
using HomeOps.Operations.Nodes;
using HomeOps.Operations.Status;
using HomeOps.Runtime.Kubernetes;
using HomeOps.Runtime.Tools;
using static HomeOps.Core.Status.ObjectFields;

namespace HomeOps.Operations.Upgrades;

/// <summary>Targets (null: cluster.yaml's) and whether to print instead of change.</summary>
public sealed record UpgradeRunRequest(string? Talos, string? Kubernetes, bool DryRun);

/// <summary>
/// `homeops upgrade talos` and `homeops upgrade kubernetes`: plan from what the cluster runs now
/// (<see cref="UpgradePlanService"/>), then run the plan's next steps of that kind, stopping where the other kind
/// must go first. Talos hops go through <see cref="NodeRollout"/> (control planes one by one, then workers) with
/// <see cref="TalosUpgradeHooks"/>; which nodes are done is read from each node (its version and schematic), so an
/// interrupted run resumes where it stopped and upgrades no node twice.
/// </summary>
public static class UpgradeRunService
{
    public static async Task<IReadOnlyList<Diagnostic>> RunTalosAsync(UpgradeRunContext context, UpgradeRunRequest request, CancellationToken cancellationToken)
    {
        var (plan, refused) = await PlanAsync(context, request, cancellationToken).ConfigureAwait(false);
        if (plan is null)
        {
            return refused;
        }

        var hops = plan.Steps.TakeWhile(s => s.Kind == UpgradeKind.Talos).ToList();
        try
        {
            if (hops.Count == 0)
            {
                // No version to move to, but a node may still need its schematic (extensions changed in cluster.yaml),
                // or its workloads back after a run that was killed once it had upgraded it.
                var finished = await HopAsync(context, plan.Current.Talos.ToString(), request.DryRun, readNodes: true, cancellationToken).ConfigureAwait(false);
                context.Log(Next(plan, 0, "talos"));
                return finished;
            }

            for (var i = 0; i < hops.Count; i++)
            {
                context.Log($"Talos {hops[i].From} → {hops[i].To}: {hops[i].Why}");
                var problems = await HopAsync(context, hops[i].To.ToString(), request.DryRun, readNodes: !request.DryRun || i == 0, cancellationToken).ConfigureAwait(false);
                if (problems.Count > 0)
                {
                    return problems;
                }
            }
        }
        catch (Bootstrap.BootstrapStepException e)
        {
            return e.Diagnostics;
        }

        context.Log(Next(plan, hops.Count, "talos", request.DryRun));
        return [];
    }

    /// <summary>One Talos hop: every node not yet on <paramref name="version"/> with its schematic, one at a time.</summary>
    private static async Task<IReadOnlyList<Diagnostic>> HopAsync(UpgradeRunContext context, string version, bool dryRun, bool readNodes, CancellationToken cancellationToken)
    {
        var cluster = context.Nodes.Cluster;
        var hooks = new TalosUpgradeHooks(context, version);
        var pending = new List<string>();
        foreach (var node in cluster.Nodes.OrderBy(n => n.Role == NodeRole.ControlPlane ? 0 : 1))
        {
            var wanted = TalosNodeImage.Wanted(cluster, node).Id;
            if (!readNodes)
            {
                pending.Add(node.Name);
                continue;
            }

            var image = await TalosNodeImage.ReadAsync(context.Nodes, node, cancellationToken).ConfigureAwait(false);
            if (image.Error is { } error)
            {
                return [DiagnosticCatalog.UpgradeNodeUnreadable.At(context.Nodes.Location, node.Name, node.Address, error)];
            }

            if (!image.Runs(version, wanted))
            {
                pending.Add(node.Name);
                continue;
            }

            context.Log($"{node.Name}: already runs Talos {version} with schematic {wanted}");
            if (!dryRun && await IsCordonedAsync(context, node.Name, cancellationToken).ConfigureAwait(false))
            {
                // An interrupted run upgraded it and stopped before giving it its workloads back (perhaps before its
                // kubelet was Ready again): the rejoin checks, talosctl health and what follows them, as after an upgrade.
                context.Log($"{node.Name}: still cordoned from an interrupted run: finishing it");
                if (await NodeRollout.FinishAsync(context.Nodes, hooks, node, context.Timeouts.Health, cancellationToken).ConfigureAwait(false) is { Count: > 0 } unfinished)
                {
                    return unfinished;
                }
            }
        }

        if (pending.Count == 0)
        {
            context.Log($"every node runs Talos {version}");
            return [];
        }

        var request = new NodeRollout.Request(NodeRollout.Action.Upgrade, pending, null, context.Timeouts.Health, dryRun)
        {
            ImageFor = node => TalosNodeImage.Wanted(cluster, node).InstallerImage(version),
            Hooks = hooks,
            ControlPlanesFirst = true,
            ChangeRefused = (node, _, answer) => DiagnosticCatalog.UpgradeTalosRefused.At(context.Nodes.Location, node.Name, node.Address.ToString(),
                TalosNodeImage.Wanted(cluster, node).InstallerImage(version), answer),
        };
        return await NodeRollout.RunAsync(context.Nodes, request, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<IReadOnlyList<Diagnostic>> RunKubernetesAsync(UpgradeRunContext context, UpgradeRunRequest request, CancellationToken cancellationToken)
    {
        var (plan, refused) = await PlanAsync(context, request, cancellationToken).ConfigureAwait(false);
        if (plan is null)
        {
            return refused;
        }

        var steps = plan.Steps.TakeWhile(s => s.Kind == UpgradeKind.Kubernetes).ToList();
        if (steps.Count == 0)
        {
            context.Log(Next(plan, 0, "kubernetes"));
            return [];
        }

        var gates = new UpgradeGates(context);
        var controlPlane = context.Nodes.Cluster.Nodes.First(n => n.Role == NodeRole.ControlPlane);
        try
        {
            foreach (var step in steps)
            {
                context.Log($"Kubernetes {step.From} → {step.To}: {step.Why}");
                var command = Talosctl.UpgradeKubernetes(controlPlane.Address.ToString(), context.Nodes.Paths.Talosconfig, step.To.ToString());
                if (request.DryRun)
                {
                    context.Log($"check every node's Talos supports Kubernetes {step.To}");
                    context.Log($"gate {UpgradeGates.Etcd}: {UpgradeGates.WaitsFor(UpgradeGates.Etcd, null)}");
                    context.Log($"gate {UpgradeGates.Flux}: {UpgradeGates.WaitsFor(UpgradeGates.Flux, null)}");
                    context.Log(command.Display());
                    context.Log($"wait until every node's kubelet reports {step.To} and is Ready");
                    context.Log($"gate {UpgradeGates.Etcd}: {UpgradeGates.WaitsFor(UpgradeGates.Etcd, null)}");
                    continue;
                }

                if (await KubernetesStepAsync(context, gates, step.To, command, cancellationToken).ConfigureAwait(false) is { Count: > 0 } problems)
                {
                    return problems;
                }
            }
        }
        catch (Bootstrap.BootstrapStepException e)
        {
            return e.Diagnostics;
        }

        context.Log(Next(plan, steps.Count, "kubernetes", request.DryRun));
        return [];
    }

    private static async Task<IReadOnlyList<Diagnostic>> KubernetesStepAsync(UpgradeRunContext context, UpgradeGates gates, ReleaseVersion target, Runtime.Processes.CommandSpec command, CancellationToken cancellationToken)
    {
        // The pairing: upgrade-k8s at v1.10 does not check the nodes' Talos (that came in v1.11), so HomeOps does.
        var nodes = await new ClusterSnapshot(context.Api).ReadAsync(KubeResource.Nodes, cancellationToken).ConfigureAwait(false);
        foreach (var node in nodes.Items.Select(NodeVersions.FromNode).OrderBy(n => n.Node, StringComparer.Ordinal))
        {
            if (node.Talos is not { } talos || TalosReleases.Find(talos) is not { } release || !release.Supports(target))
            {
                var range = node.Talos is { } t && TalosReleases.Find(t) is { } r ? r.KubernetesRange : "no known range";
                return [DiagnosticCatalog.UpgradeKubernetesUnsupportedByNode.At(context.Nodes.Location, node.Node, node.Talos?.ToString() ?? node.OsImage, range, target.ToString())];
            }
        }

        foreach (var gate in new[] { UpgradeGates.Etcd, UpgradeGates.Flux })
        {
            if (await gates.WaitAsync(gate, $"before Kubernetes {target}", null, cancellationToken).ConfigureAwait(false) is { } blocked)
            {
                return [blocked];
            }
        }

        context.Log($"upgrading Kubernetes to {target} (talosctl upgrade-k8s)");
        var result = await context.Nodes.RunAsync(command, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return [DiagnosticCatalog.UpgradeStepFailed.At(context.Nodes.Location, command.Display(), "the cluster", result.ErrorSummary(3))];
        }

        if (await WaitForKubeletsAsync(context, target, cancellationToken).ConfigureAwait(false) is { } lagging)
        {
            return [lagging];
        }

        return await gates.WaitAsync(UpgradeGates.Etcd, $"after Kubernetes {target}", null, cancellationToken).ConfigureAwait(false) is { } unsettled ? [unsettled] : [];
    }

    private static async Task<Diagnostic?> WaitForKubeletsAsync(UpgradeRunContext context, ReleaseVersion target, CancellationToken cancellationToken)
    {
        var deadline = context.Time.GetUtcNow() + context.Timeouts.Kubelets;
        context.Log($"waiting for every kubelet to report {target} and be Ready");
        while (true)
        {
            var read = await new ClusterSnapshot(context.Api).ReadAsync(KubeResource.Nodes, cancellationToken).ConfigureAwait(false);
            var lagging = read.Items.Select(n => (Versions: NodeVersions.FromNode(n), Ready: ConditionOf(n, "Ready")?.IsTrue == true))
                .Where(n => n.Versions.Kubelet != target || !n.Ready).ToList();
            if (read.Problem is null && lagging.Count == 0)
            {
                context.Log($"every kubelet reports {target}");
                return null;
            }

            if (context.Time.GetUtcNow() >= deadline)
            {
                var (versions, ready) = lagging.FirstOrDefault();
                return DiagnosticCatalog.UpgradeKubeletNotUpdated.At(context.Nodes.Location, versions?.Node ?? "a node",
                    (versions?.Kubelet?.ToString() ?? read.Problem?.Message ?? "?") + (ready ? string.Empty : " (not Ready)"), target.ToString());
            }

            await Task.Delay(context.PollInterval, context.Time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The plan from what the cluster runs; null with the diagnostics that refuse it.</summary>
    private static async Task<(UpgradePlan? Plan, IReadOnlyList<Diagnostic> Refused)> PlanAsync(UpgradeRunContext context, UpgradeRunRequest request, CancellationToken cancellationToken)
    {
        var result = await UpgradePlanService.PlanAsync(context.Nodes.Workspace, new UpgradePlanRequest(request.Talos, request.Kubernetes), new ClusterSnapshot(context.Api), cancellationToken).ConfigureAwait(false);
        if (result.HasErrors || result.Plan is not { CanRun: true } plan)
        {
            return (null, result.Diagnostics);
        }

        context.Log($"running: Talos {plan.Current.Talos}, Kubernetes {plan.Current.Kubernetes} (read from the nodes); target: Talos {plan.Target.Talos}, Kubernetes {plan.Target.Kubernetes}");
        return (plan, []);
    }

    /// <summary>The run's last line: what is left, and which command does it (a dry run changed nothing, and says so).</summary>
    private static string Next(UpgradePlan plan, int done, string ran, bool dryRun = false)
    {
        if (plan.Steps.Skip(done).FirstOrDefault() is not { } next)
        {
            return dryRun && done > 0 ? "dry run, nothing changed: after these steps the cluster would run the targets" : "the cluster runs the targets";
        }

        var command = next.Kind == UpgradeKind.Talos ? "homeops upgrade talos" : "homeops upgrade kubernetes";
        return done == 0
            ? $"nothing for 'homeops upgrade {ran}' to do first: the plan's next step is {next.Describe()} ({next.Why}); run '{command}'"
            : (dryRun ? "dry run, nothing changed: after these steps, " : string.Empty) + $"next: {next.Describe()} ({next.Why}); run '{command}'";
    }

    private static async Task<bool> IsCordonedAsync(UpgradeRunContext context, string node, CancellationToken cancellationToken) =>
        await context.Api.GetAsync(KubeResource.Nodes, null, node, cancellationToken).ConfigureAwait(false) is { } found && Bool(found, "spec", "unschedulable") == true;
}
