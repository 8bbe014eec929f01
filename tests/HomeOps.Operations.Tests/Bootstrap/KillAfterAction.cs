using HomeOps.Operations.Bootstrap;

namespace HomeOps.Operations.Tests.Bootstrap;

/// <summary>Runs a step's action, then "kills the process" before its wait and before the state file records it.</summary>
internal sealed class KillAfterAction(BootstrapStep inner) : BootstrapStep
{
    public override string Name => inner.Name;

    public override string Description => inner.Description;

    public override IReadOnlyList<string> DependsOn => inner.DependsOn;

    public override bool AlwaysRuns => inner.AlwaysRuns;

    /// <summary>A step found done already is killed right after the probe, before the state file records it.</summary>
    public override async Task<bool> IsDoneAsync(BootstrapContext context, CancellationToken cancellationToken) =>
        await inner.IsDoneAsync(context, cancellationToken) ? throw new SimulatedKillException(Name + " (after its probe)") : false;

    public override async Task RunAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        await inner.RunAsync(context, cancellationToken);
        throw new SimulatedKillException(Name);
    }

    public override IEnumerable<string> Plan(BootstrapContext context) => inner.Plan(context);
}

internal sealed class SimulatedKillException(string where) : Exception($"process killed in {where}");
