namespace HomeOps.Core.Status;

/// <summary>
/// How one thing in the cluster is doing. <see cref="Unknown"/> means HomeOps could not ask (the API did not answer,
/// a program is missing); <see cref="Absent"/> that the component is not installed, which is not a fault by itself.
/// </summary>
public enum Health
{
    Ok,
    Absent,
    Warning,
    Unknown,
    Unhealthy,
}

/// <summary>Ordering and combination of <see cref="Health"/> values.</summary>
public static class HealthExtensions
{
    /// <summary>The worse of two: Unhealthy, then Unknown, Warning, Absent, Ok.</summary>
    public static Health Worst(this Health a, Health b) => a >= b ? a : b;

    public static Health Worst(this IEnumerable<Health> values) => values.Aggregate(Health.Ok, Worst);

    /// <summary>The lowercase word used in text and JSON output.</summary>
    public static string Word(this Health health) => health switch
    {
        Health.Ok => "ok",
        Health.Absent => "absent",
        Health.Warning => "warning",
        Health.Unknown => "unknown",
        _ => "unhealthy",
    };

    /// <summary>The mark in front of a line of text output.</summary>
    public static string Mark(this Health health) => health switch
    {
        Health.Ok => "ok",
        Health.Absent => "--",
        Health.Warning => "!!",
        Health.Unknown => "??",
        _ => "XX",
    };
}
