using System.Globalization;
using System.Text.Json.Nodes;
using HomeOps.Operations.Bootstrap;
using HomeOps.Operations.Recovery.Flux;
using HomeOps.Runtime.Kubernetes;
using HomeOps.Runtime.Processes;
using HomeOps.Runtime.Tools;

namespace HomeOps.Operations.Recovery.HelmReleases;

/// <summary>Suspends the HelmRelease, so helm-controller leaves the release alone while it is repaired.</summary>
public sealed class SuspendHelmReleaseStep(HelmReleaseTarget target) : BootstrapStep
{
    public const string StepName = "suspend-helmrelease";

    public override string Name => StepName;

    public override string Description => $"suspend HelmRelease {target.Id}";

    public override async Task<bool> IsDoneAsync(BootstrapContext context, CancellationToken cancellationToken) =>
        await context.Kube.GetAsync(KubeResource.HelmReleases, target.Namespace, target.Name, cancellationToken).ConfigureAwait(false) is { } live && FluxObjects.IsSuspended(live);

    public override async Task RunAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        if (!await FluxObjects.SetSuspendAsync(context, KubeResource.HelmReleases, target.Namespace, target.Name, true, cancellationToken).ConfigureAwait(false))
        {
            throw BootstrapContext.Fail(Core.Diagnostics.DiagnosticCatalog.RecoveryHelmReleaseNotInCluster.At(context.Location, target.Id));
        }

        context.Detail($"suspended {target.Id}");
    }

    public override IEnumerable<string> Plan(BootstrapContext context) => [$"suspend helmrelease {target.Id} (spec.suspend: true)"];
}

/// <summary>Rolls the release back to its last deployed revision, or uninstalls a release that never deployed (<see cref="ReleaseRepair"/>).</summary>
public sealed class RepairReleaseStep(HelmReleaseTarget target, ReleaseRepair? planned) : BootstrapStep
{
    public const string StepName = "repair-release";

    public override string Name => StepName;

    public override string Description => $"repair Helm release {target.StorageNamespace}/{target.Release} (rollback or uninstall as its history needs)";

    public override IReadOnlyList<string> DependsOn => [SuspendHelmReleaseStep.StepName];

    public override async Task<bool> IsDoneAsync(BootstrapContext context, CancellationToken cancellationToken) =>
        (await DecideAsync(context, cancellationToken).ConfigureAwait(false)).Action == ReleaseRepair.None;

    public override async Task RunAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        var repair = await DecideAsync(context, cancellationToken).ConfigureAwait(false);
        context.Detail(repair.Reason);
        if (Command(context, repair) is { } command)
        {
            await context.RunCheckedAsync(command, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads the release's history (read-only; the dry run reads it too, to print the exact command).</summary>
    public static async Task<ReleaseRepair> DecideAsync(BootstrapContext context, HelmReleaseTarget target, Func<CommandSpec, CancellationToken, Task<CommandResult>> run, CancellationToken cancellationToken)
    {
        var result = await run(Helm.History(target.Release, target.StorageNamespace, context.Paths.Kubeconfig), cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded && (result.StandardError + result.StandardOutput).Contains("release: not found", StringComparison.Ordinal))
        {
            return ReleaseRepair.Decide([]);
        }

        if (!result.Succeeded)
        {
            throw BootstrapContext.Fail(Core.Diagnostics.DiagnosticCatalog.ToolFailed.At(context.Location,
                Helm.History(target.Release, target.StorageNamespace, context.Paths.Kubeconfig).Display(), result.ExitCode, result.ErrorSummary()));
        }

        return ReleaseRepair.Decide(ReleaseRepair.ParseHistory(result.StandardOutput));
    }

    private Task<ReleaseRepair> DecideAsync(BootstrapContext context, CancellationToken cancellationToken) =>
        DecideAsync(context, target, context.RunAsync, cancellationToken);

    private CommandSpec? Command(BootstrapContext context, ReleaseRepair repair) => CommandFor(context, target, repair);

    /// <summary>The helm command a repair runs (rollback or uninstall, waiting up to the chart timeout), or null for none.</summary>
    public static CommandSpec? CommandFor(BootstrapContext context, HelmReleaseTarget target, ReleaseRepair repair) => repair.Action switch
    {
        ReleaseRepair.Rollback => Helm.Rollback(target.Release, repair.ToRevision!.Value, target.StorageNamespace, context.Paths.Kubeconfig, context.Options.ChartTimeout),
        ReleaseRepair.Uninstall => Helm.Uninstall(target.Release, target.StorageNamespace, context.Paths.Kubeconfig, context.Options.ChartTimeout),
        _ => null,
    };

    public override IEnumerable<string> Plan(BootstrapContext context)
    {
        yield return Helm.History(target.Release, target.StorageNamespace, context.Paths.Kubeconfig).Display();
        if (planned is null)
        {
            yield return $"then {Helm.Rollback(target.Release, 0, target.StorageNamespace, context.Paths.Kubeconfig, context.Options.ChartTimeout).Display().Replace(" 0 ", " <last deployed revision> ", StringComparison.Ordinal)}";
            yield return $"  or {Helm.Uninstall(target.Release, target.StorageNamespace, context.Paths.Kubeconfig, context.Options.ChartTimeout).Display()} (no revision ever deployed)";
            yield break;
        }

        yield return $"history: {planned.Reason}";
        yield return Command(context, planned)?.Display() ?? "nothing to repair in Helm";
    }
}

/// <summary>
/// Resumes the HelmRelease and asks for a reconcile that resets its failure count, as `flux reconcile helmrelease
/// --reset` does (the annotations reconcile.fluxcd.io/requestedAt and reconcile.fluxcd.io/resetAt with one
/// timestamp), then waits until it is Ready for that request.
/// </summary>
public sealed class ResumeHelmReleaseStep(HelmReleaseTarget target) : BootstrapStep
{
    public const string StepName = "resume-helmrelease";

    /// <summary>Owns the reconcile annotations, apart from spec.suspend's manager, so neither apply drops the other's fields.</summary>
    public const string FieldManager = "homeops-reconcile";

    public override string Name => StepName;

    public override string Description => $"resume HelmRelease {target.Id} with a reset reconcile and wait until Ready";

    public override IReadOnlyList<string> DependsOn => [RepairReleaseStep.StepName];

    public override async Task<bool> IsDoneAsync(BootstrapContext context, CancellationToken cancellationToken) =>
        await context.Kube.GetAsync(KubeResource.HelmReleases, target.Namespace, target.Name, cancellationToken).ConfigureAwait(false) is { } live
        && !FluxObjects.IsSuspended(live) && FluxObjects.IsReady(live);

    public override async Task RunAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        var now = context.Time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        context.State.Facts["requestedAt"] = now;
        await context.Kube.ApplyAsync(KubeResource.HelmReleases, new JsonObject
        {
            ["apiVersion"] = KubeResource.HelmReleases.ApiVersion,
            ["kind"] = KubeResource.HelmReleases.Kind,
            ["metadata"] = new JsonObject
            {
                ["name"] = target.Name,
                ["namespace"] = target.Namespace,
                ["annotations"] = new JsonObject { ["reconcile.fluxcd.io/requestedAt"] = now, ["reconcile.fluxcd.io/resetAt"] = now },
            },
        }, FieldManager, cancellationToken).ConfigureAwait(false);
        await FluxObjects.SetSuspendAsync(context, KubeResource.HelmReleases, target.Namespace, target.Name, false, cancellationToken).ConfigureAwait(false);
        context.Detail($"resumed {target.Id} (reconcile requested and failures reset at {now})");
    }

    public override Task WaitAsync(BootstrapContext context, CancellationToken cancellationToken) =>
        Waits.WatchAsync(context, $"HelmRelease {target.Id} to be Ready", KubeResource.HelmReleases, target.Namespace, objects =>
        {
            var live = objects.FirstOrDefault(o => o["metadata"]?["name"]?.GetValue<string>() == target.Name);
            var requested = context.State.Facts.GetValueOrDefault("requestedAt");
            var handled = live?["status"]?["lastHandledReconcileAt"]?.GetValue<string>() == requested;
            return (live is not null && handled && FluxObjects.IsReady(live), $"{target.Name}: {(handled ? FluxObjects.ReadyStatus(live) : "reconcile not handled yet")}");
        }, cancellationToken);

    public override IEnumerable<string> Plan(BootstrapContext context) =>
    [
        $"annotate helmrelease {target.Id} reconcile.fluxcd.io/requestedAt=<now> reconcile.fluxcd.io/resetAt=<now> (flux reconcile helmrelease --reset)",
        $"resume helmrelease {target.Id} (spec.suspend: false)",
        $"watch helmreleases until {target.Name} is Ready for that request (up to {context.Options.WaitTimeout.TotalMinutes:0} min)",
    ];
}
