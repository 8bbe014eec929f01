using HomeOps.Core.Diagnostics;
using HomeOps.Runtime.Tools;

namespace HomeOps.Operations.Bootstrap.Steps;

/// <summary>
/// Bootstraps etcd on the first control-plane node, exactly once: skipped when etcd already runs on any control
/// plane (after a reset of the first one, it rejoins the running cluster: bootstrapping its empty data directory would
/// start a second cluster), and an "AlreadyExists" answer (a bootstrap that happened but was not recorded) counts as
/// done, never as a reason to retry.
/// With <paramref name="recoverFrom"/> (a rebuild with --etcd-snapshot) etcd starts from that snapshot, as Talos's
/// disaster recovery does it: every control plane waits in Preparing after the reset, one is bootstrapped with
/// --recover-from, the others join (machined refuses a second bootstrap with AlreadyExists,
/// internal/app/machined/internal/server/v1alpha1/v1alpha1_server.go:431-433 at v1.10.5).
/// </summary>
public sealed class EtcdBootstrapStep(string? recoverFrom = null) : BootstrapStep
{
    public const string StepName = "etcd-bootstrap";

    public override string Name => StepName;

    public override string Description => recoverFrom is null
        ? "bootstrap etcd on the first control-plane node (once)"
        : "bootstrap etcd on the first control-plane node from the backup's snapshot (once)";

    public override IReadOnlyList<string> DependsOn => [ApplyConfigsStep.StepName];

    public override async Task<bool> IsDoneAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        foreach (var node in context.ControlPlanes.Select(n => n.Address.ToString()))
        {
            var result = await context.RunAsync(Talosctl.Service(node, context.Paths.Talosconfig, "etcd"), cancellationToken).ConfigureAwait(false);
            if (result.Succeeded && result.StandardOutput.Split('\n').Any(l => l.StartsWith("STATE", StringComparison.Ordinal) && l.Contains("Running", StringComparison.Ordinal)))
            {
                if (node != context.FirstControlPlane.Address.ToString())
                {
                    context.Detail($"etcd runs on {node}: {context.FirstControlPlane.Name} joins that cluster, no new bootstrap");
                }

                return true;
            }
        }

        return false;
    }

    public override async Task RunAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        var node = context.FirstControlPlane.Address.ToString();
        var result = await context.RunAsync(Talosctl.Bootstrap(node, context.Paths.Talosconfig, recoverFrom), cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return;
        }

        if (result.StandardError.Contains("AlreadyExists", StringComparison.Ordinal))
        {
            context.Detail("etcd was bootstrapped already (AlreadyExists): not bootstrapping again");
            return;
        }

        throw BootstrapContext.Fail(DiagnosticCatalog.EtcdBootstrapFailed.At(context.Location, node, result.ErrorSummary(2)));
    }

    public override IEnumerable<string> Plan(BootstrapContext context)
    {
        var node = context.FirstControlPlane.Address.ToString();
        yield return Talosctl.Service(node, context.Paths.Talosconfig, "etcd").Display() + "  (skip when Running; then the other control planes)";
        yield return Talosctl.Bootstrap(node, context.Paths.Talosconfig, recoverFrom).Display();
    }
}
