namespace HomeOps.Operations.Bootstrap.Steps;

/// <summary>
/// Waits until the API server answers /readyz through the node address, then switches every later client to the
/// VIP if it answers too (the switch is recorded, so a resumed run uses the VIP from the start).
/// </summary>
public sealed class ApiReadyStep : BootstrapStep
{
    public const string StepName = "api-ready";

    public override string Name => StepName;

    public override string Description => "API server ready (/readyz), then use the VIP once it answers";

    public override IReadOnlyList<string> DependsOn => [KubeconfigStep.StepName];

    public override async Task<bool> IsDoneAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        if (!await context.Kube.IsReadyAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await TryVipAsync(context, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public override Task RunAsync(BootstrapContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    public override async Task WaitAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        await Waits.PollAsync(context, $"the API server at {context.ApiServer} to answer /readyz",
            async ct => (await context.Kube.IsReadyAsync(ct).ConfigureAwait(false), "not ready yet"), cancellationToken).ConfigureAwait(false);
        await TryVipAsync(context, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<bool> TryVipAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        if (context.ApiServer == context.VipApi)
        {
            return true;
        }

        var vip = context.Environment.Kube.Create(context.Paths.Kubeconfig, context.VipApi);
        try
        {
            if (await vip.IsReadyAsync(cancellationToken).ConfigureAwait(false))
            {
                context.State.Facts[Facts.ApiServer] = context.VipApi.ToString();
                context.Detail($"the VIP {context.VipApi} answers: using it from now on");
                return true;
            }

            context.Detail($"the VIP {context.VipApi} does not answer yet: staying on {context.ApiServer}");
            return false;
        }
        finally
        {
            (vip as IDisposable)?.Dispose();
        }
    }

    public override IEnumerable<string> Plan(BootstrapContext context)
    {
        yield return $"GET {BootstrapContext.NodeApi(context.FirstControlPlane.Address.ToString())}readyz until 200 (backoff, up to {context.Options.WaitTimeout.TotalMinutes:0} min)";
        yield return $"GET {context.VipApi}readyz: switch to the VIP when it answers";
    }
}
