using HomeOps.Operations.Bootstrap;

namespace HomeOps.Operations.Recovery.Rebuild;

/// <summary>A step of another plan (the bootstrap's) that in a rebuild also waits for <paramref name="gates"/>.</summary>
internal sealed class GatedStep(BootstrapStep inner, IReadOnlyList<string> gates) : BootstrapStep
{
    public BootstrapStep Inner => inner;

    public override string Name => inner.Name;

    public override string Description => inner.Description;

    public override IReadOnlyList<string> DependsOn => [.. inner.DependsOn, .. gates];

    public override bool AlwaysRuns => inner.AlwaysRuns;

    public override Task<bool> IsDoneAsync(BootstrapContext context, CancellationToken cancellationToken) => inner.IsDoneAsync(context, cancellationToken);

    public override Task RunAsync(BootstrapContext context, CancellationToken cancellationToken) => inner.RunAsync(context, cancellationToken);

    public override Task WaitAsync(BootstrapContext context, CancellationToken cancellationToken) => inner.WaitAsync(context, cancellationToken);

    public override IEnumerable<string> Plan(BootstrapContext context) => inner.Plan(context);
}
