using HomeOps.Core.GitOps.Flux;
using HomeOps.Operations.Bootstrap.Steps;

namespace HomeOps.Operations.Bootstrap;

/// <summary>
/// The bootstrap's steps, from bare Talos nodes to Flux in control, each naming what it depends on. The CNI comes
/// right after the nodes register (nothing else can run before it), then the secrets, the CRDs and the other core
/// charts, and Flux last.
/// </summary>
public static class BootstrapPlan
{
    public static IReadOnlyList<BootstrapStep> Steps(BootstrapPlanInputs inputs)
    {
        var steps = new List<BootstrapStep>
        {
            new PreflightStep(),
            new TalosSecretsStep(),
            new TalosConfigsStep(),
            new ApplyConfigsStep(),
            new EtcdBootstrapStep(),
            new KubeconfigStep(),
            new ApiReadyStep(),
            new NodesRegisteredStep(),
        };
        var previous = NodesRegisteredStep.StepName;
        if (inputs.Cni is { } cni)
        {
            var step = new ChartStep(cni, previous);
            steps.Add(step);
            previous = step.Name;
        }

        steps.Add(new NamespacesStep(inputs, previous));
        steps.Add(new BootstrapSecretsStep(inputs));
        steps.Add(new CrdsStep(inputs));
        previous = CrdsStep.StepName;
        foreach (var chart in inputs.Workloads)
        {
            var step = new ChartStep(chart, previous);
            steps.Add(step);
            previous = step.Name;
        }

        if (inputs.Tree.OfKind(FluxKinds.FluxOperatorGroup, "FluxInstance").FirstOrDefault() is { } instance)
        {
            steps.Add(new FluxInstanceStep(instance, previous));
            previous = FluxInstanceStep.StepName;
        }

        steps.Add(new FluxSyncStep(inputs, previous));
        steps.Add(new FluxReadyStep());
        return steps;
    }
}
