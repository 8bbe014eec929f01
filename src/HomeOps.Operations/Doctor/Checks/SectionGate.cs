using HomeOps.Core.Status;

namespace HomeOps.Operations.Doctor.Checks;

/// <summary>Shared judgement of the gate checks: a status section that could not be read makes the gate unknown.</summary>
internal static class SectionGate
{
    /// <summary>The result when the section is missing, could not be asked or is not installed; null when it was read.</summary>
    public static DoctorCheckResult? Unread(IDoctorCheck check, StatusSection? section)
    {
        if (section is null)
        {
            return new DoctorCheckResult(check.Id, check.Title, Health.Unknown, "status did not read this section", []);
        }

        return section.Health switch
        {
            Health.Absent => DoctorCheckResult.Skip(check, section.Findings.FirstOrDefault()?.Message ?? "not installed"),
            Health.Unknown when section.Items.Count == 0 => new DoctorCheckResult(check.Id, check.Title, Health.Unknown, "could not ask", section.Findings),
            _ => null,
        };
    }

    public static IReadOnlyList<StatusFinding> WithCodes(StatusSection section, params string[] codes) =>
        [.. section.Findings.Where(f => f.Code is not null && codes.Contains(f.Code))];
}
