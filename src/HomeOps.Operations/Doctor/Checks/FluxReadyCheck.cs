using HomeOps.Core.Status;

namespace HomeOps.Operations.Doctor.Checks;

/// <summary>Gate: every Kustomization and HelmRelease Ready; the root causes come from the Flux section.</summary>
public sealed class FluxReadyCheck : IDoctorCheck
{
    public string Id => "flux";

    public string Title => "Flux Ready";

    public bool IsUpgradeGate => true;

    public Task<DoctorCheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var section = context.Section(FluxStatus.Id);
        if (SectionGate.Unread(this, section) is { } unread)
        {
            return Task.FromResult(unread);
        }

        var findings = SectionGate.WithCodes(section!, "HO6101", "HO6102", "HO6103");
        return Task.FromResult(DoctorCheckResult.From(this, section!.Summary, findings));
    }
}
