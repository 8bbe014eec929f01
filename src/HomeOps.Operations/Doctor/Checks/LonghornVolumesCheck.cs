using HomeOps.Core.Status;

namespace HomeOps.Operations.Doctor.Checks;

/// <summary>Gate: no Longhorn volume faulted or degraded, every Longhorn node Ready (from the Longhorn section).</summary>
public sealed class LonghornVolumesCheck : IDoctorCheck
{
    public string Id => "longhorn";

    public string Title => "Longhorn volumes healthy";

    public bool IsUpgradeGate => true;

    public Task<DoctorCheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var section = context.Section(LonghornStatus.Id);
        if (SectionGate.Unread(this, section) is { } unread)
        {
            return Task.FromResult(unread);
        }

        var findings = SectionGate.WithCodes(section!, "HO6120", "HO6121", "HO6122");
        return Task.FromResult(DoctorCheckResult.From(this, section!.Summary, findings));
    }
}
