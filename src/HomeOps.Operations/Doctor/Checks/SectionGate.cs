using HomeOps.Core.Diagnostics;
using HomeOps.Core.Status;

namespace HomeOps.Operations.Doctor.Checks;

/// <summary>
/// An upgrade gate judged from one status section: a section that could not be read makes the gate unknown (or
/// skipped, when its component is not installed); otherwise <see cref="Judge"/> decides.
/// </summary>
public abstract class SectionGate : IDoctorCheck
{
    public abstract string Id { get; }

    public abstract string Title { get; }

    public bool IsUpgradeGate => true;

    /// <summary>The id of the status section the gate reads.</summary>
    protected abstract string SectionId { get; }

    public Task<DoctorCheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var section = context.Section(SectionId);
        return Task.FromResult(Unread(section) ?? Judge(section!));
    }

    /// <summary>The gate's verdict on a section that was read.</summary>
    protected abstract DoctorCheckResult Judge(StatusSection section);

    /// <summary>The section's findings of these kinds.</summary>
    protected static IReadOnlyList<StatusFinding> WithCodes(StatusSection section, IEnumerable<DiagnosticDescriptor> kinds) =>
        [.. section.Findings.Where(f => f.Code is not null && kinds.Any(k => k.Code == f.Code))];

    /// <summary>The result when the section is missing, could not be asked or is not installed; null when it was read.</summary>
    private DoctorCheckResult? Unread(StatusSection? section)
    {
        if (section is null)
        {
            return new DoctorCheckResult(Id, Title, Health.Unknown, "status did not read this section", []);
        }

        return section.Health switch
        {
            Health.Absent => DoctorCheckResult.Skip(this, section.Findings.FirstOrDefault()?.Message ?? "not installed"),
            Health.Unknown when section.Items.Count == 0 => new DoctorCheckResult(Id, Title, Health.Unknown, "could not ask", section.Findings),
            _ => null,
        };
    }
}

/// <summary>A gate that holds while its section reports none of the findings it names; its summary is the section's.</summary>
public sealed class FindingsGate(string id, string title, string sectionId, params DiagnosticDescriptor[] kinds) : SectionGate
{
    /// <summary>Gate: every Kustomization and HelmRelease Ready; the root causes come from the Flux section.</summary>
    public static FindingsGate FluxReady() => new("flux", "Flux Ready", FluxStatus.Id,
        DiagnosticCatalog.FluxNotReady, DiagnosticCatalog.FluxDependencyMissing, DiagnosticCatalog.FluxDependencyCycle);

    /// <summary>Gate: no Longhorn volume faulted or degraded, every Longhorn node Ready (from the Longhorn section).</summary>
    public static FindingsGate LonghornVolumes() => new("longhorn", "Longhorn volumes healthy", LonghornStatus.Id,
        DiagnosticCatalog.LonghornVolumeFaulted, DiagnosticCatalog.LonghornVolumeDegraded, DiagnosticCatalog.LonghornNodeNotReady);

    public override string Id => id;

    public override string Title => title;

    protected override string SectionId => sectionId;

    protected override DoctorCheckResult Judge(StatusSection section) => DoctorCheckResult.From(this, section.Summary, WithCodes(section, kinds));
}
