using HomeOps.Core.Status;

namespace HomeOps.Operations.Doctor;

/// <summary>
/// What one check found: its health (ok, warning, unhealthy; unknown when it could not ask; absent when it was
/// skipped because there is nothing to check), one line of detail, and the findings with code and fix.
/// </summary>
public sealed record DoctorCheckResult(string Id, string Title, Health Health, string Detail, IReadOnlyList<StatusFinding> Findings)
{
    public static DoctorCheckResult Pass(IDoctorCheck check, string detail) => new(check.Id, check.Title, Health.Ok, detail, []);

    public static DoctorCheckResult Skip(IDoctorCheck check, string why, StatusFinding? finding = null) =>
        new(check.Id, check.Title, Health.Absent, $"skipped: {why}", finding is null ? [] : [finding]);

    public static DoctorCheckResult From(IDoctorCheck check, string detail, IReadOnlyList<StatusFinding> findings) =>
        new(check.Id, check.Title, findings.Count == 0 ? Health.Ok : findings.Select(f => f.Health).Worst(), detail, findings);
}
