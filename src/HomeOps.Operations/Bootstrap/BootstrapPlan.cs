using HomeOps.Operations.Bootstrap.Steps;

namespace HomeOps.Operations.Bootstrap;

/// <summary>The bootstrap's steps, from bare Talos nodes to Flux in control, each naming what it depends on.</summary>
public static class BootstrapPlan
{
    public static IReadOnlyList<BootstrapStep> Steps(BootstrapPlanInputs inputs)
    {
        var steps = new List<BootstrapStep>
        {
            new PreflightStep(inputs),
            new TalosSecretsStep(),
            new TalosConfigsStep(),
            new ApplyConfigsStep(),
            new EtcdBootstrapStep(),
            new KubeconfigStep(),
            new ApiReadyStep(),
            new NodesRegisteredStep(),
            new NamespacesStep(inputs),
            new BootstrapSecretsStep(inputs),
            new CrdsStep(inputs),
        };
        var previous = BootstrapSteps.Crds;
        foreach (var chart in inputs.Charts)
        {
            var step = new ChartStep(chart, previous);
            steps.Add(step);
            previous = step.Name;
        }

        if (inputs.Tree.OfKind("FluxInstance").FirstOrDefault() is { } instance)
        {
            steps.Add(new FluxInstanceStep(instance, previous));
            previous = FluxInstanceStep.StepName;
        }

        steps.Add(new FluxSyncStep(inputs, previous));
        steps.Add(new FluxReadyStep());
        return steps;
    }
}
