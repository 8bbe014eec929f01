using HomeOps.Operations.Bootstrap;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Operations.Recovery.Flux;

/// <summary>
/// Suspends Flux Kustomizations, the deepest first, so nothing is suspended while something it waits on still
/// changes. A suspended Kustomization keeps its objects and its Ready condition; it only stops applying the tree.
/// </summary>
public sealed class SuspendKustomizationsStep(IReadOnlyList<FluxRef> kustomizations, string name = SuspendKustomizationsStep.StepName, IReadOnlyList<string>? dependsOn = null) : BootstrapStep
{
    public const string StepName = "suspend";

    public override string Name => name;

    public override string Description => $"suspend {kustomizations.Count} Flux Kustomization(s), deepest first";

    public override IReadOnlyList<string> DependsOn => dependsOn ?? [];

    public override async Task<bool> IsDoneAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        foreach (var k in kustomizations)
        {
            var live = await context.Kube.GetAsync(KubeResource.Kustomizations, k.Namespace, k.Name, cancellationToken).ConfigureAwait(false);
            if (live is not null && !FluxObjects.IsSuspended(live))
            {
                return false;
            }
        }

        return true;
    }

    public override async Task RunAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        foreach (var k in kustomizations)
        {
            var found = await FluxObjects.SetSuspendAsync(context, KubeResource.Kustomizations, k.Namespace, k.Name, true, cancellationToken).ConfigureAwait(false);
            context.Detail(found ? $"suspended {k.Name}" : $"{k.Name}: not in the cluster, nothing to suspend");
        }
    }

    public override IEnumerable<string> Plan(BootstrapContext context) =>
        kustomizations.Select(k => $"suspend kustomization {k.Id} (spec.suspend: true)");
}
