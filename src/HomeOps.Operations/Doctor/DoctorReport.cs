using HomeOps.Core.Status;

namespace HomeOps.Operations.Doctor;

/// <summary>Every check's result in order, and what to do next: the fixes of what failed, gates first.</summary>
public sealed record DoctorReport(IReadOnlyList<DoctorCheckResult> Results, DateTimeOffset Time)
{
    public Health Health => Results.Select(r => r.Health).Worst();

    /// <summary>1 when a check found something unhealthy, otherwise 2 when one could not ask, otherwise 0.</summary>
    public int ExitCode => Results.Any(r => r.Health == Health.Unhealthy) ? 1 : Results.Any(r => r.Health == Health.Unknown) ? 2 : 0;

    /// <summary>One step per failing finding (its fix), unhealthy before unknown, in check order, without repeats.</summary>
    public IReadOnlyList<string> NextSteps =>
        [.. Results.Where(r => r.Health is Health.Unhealthy or Health.Warning or Health.Unknown)
            .OrderBy(r => r.Health == Health.Unhealthy ? 0 : r.Health == Health.Warning ? 1 : 2)
            .SelectMany(r => r.Findings.Where(f => f.Health is not (Health.Ok or Health.Absent)).Select(f => $"{r.Id}: {f.Hint ?? f.Message}"))
            .Distinct(StringComparer.Ordinal)];
}
