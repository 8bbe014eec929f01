using HomeOps.Core.Diagnostics;
using HomeOps.Runtime.Tools;

namespace HomeOps.Operations.Bootstrap.Steps;

/// <summary>
/// Applies each node's machine config: --insecure to a node in maintenance mode, skipped for a node already
/// answering with this cluster's talosconfig. A configured node that does not trust this talosconfig runs another
/// bundle's configuration: refused with a diagnostic, never "already configured". Waits until every node answers authenticated (installed, rebooted).
/// </summary>
public sealed class ApplyConfigsStep : BootstrapStep
{
    public const string StepName = "apply-configs";

    public override string Name => StepName;

    public override string Description => "apply machine configs (insecure to maintenance-mode nodes)";

    public override IReadOnlyList<string> DependsOn => [TalosConfigsStep.StepName];

    public override async Task<bool> IsDoneAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        foreach (var node in context.Cluster.Nodes)
        {
            if (!await NodeProbe.IsConfiguredAsync(context, node.Address.ToString(), cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }

    public override async Task RunAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        foreach (var node in context.Cluster.Nodes)
        {
            var address = node.Address.ToString();
            if (await NodeProbe.IsConfiguredAsync(context, address, cancellationToken).ConfigureAwait(false))
            {
                context.Detail($"{node.Name}: already configured, skipped");
                continue;
            }

            var state = await NodeProbe.ProbeAsync(context, address, cancellationToken).ConfigureAwait(false);
            var talosconfig = state.Kind == NodeProbe.Reachability.Maintenance ? null : context.Paths.Talosconfig;
            var result = await context.RunAsync(Talosctl.ApplyConfig(address, context.Paths.NodeConfig(node.Name), talosconfig), cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded && talosconfig is not null && result.StandardError.Contains("x509: certificate signed by unknown authority", StringComparison.Ordinal))
            {
                // Configured (it refuses --insecure) but not by this bundle: applying would need the other cluster's talosconfig.
                throw BootstrapContext.Fail(DiagnosticCatalog.NodeFromAnotherBundle.At(context.Location, node.Name, address, result.ErrorSummary(2)));
            }

            if (!result.Succeeded)
            {
                throw BootstrapContext.Fail(DiagnosticCatalog.ApplyConfigFailed.At(context.Location, node.Name, address, result.ErrorSummary(2)));
            }
        }
    }

    public override Task WaitAsync(BootstrapContext context, CancellationToken cancellationToken) =>
        Waits.PollAsync(context, "every node to run its new configuration", async ct =>
        {
            var pending = new List<string>();
            foreach (var node in context.Cluster.Nodes)
            {
                if (!await NodeProbe.IsConfiguredAsync(context, node.Address.ToString(), ct).ConfigureAwait(false))
                {
                    pending.Add(node.Name);
                }
            }

            return (pending.Count == 0, "installing: " + string.Join(", ", pending));
        }, cancellationToken);

    public override IEnumerable<string> Plan(BootstrapContext context)
    {
        foreach (var node in context.Cluster.Nodes)
        {
            var address = node.Address.ToString();
            yield return $"{Talosctl.ApplyConfig(address, context.Paths.NodeConfig(node.Name), null).Display()}  (maintenance mode; skipped when already configured)";
        }
    }
}
