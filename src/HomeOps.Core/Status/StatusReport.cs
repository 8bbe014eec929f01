namespace HomeOps.Core.Status;

/// <summary>
/// Everything `homeops status` found, in section order, with what it cost: the number of Kubernetes API requests
/// and the kinds they listed (one list per kind, never one request per object).
/// </summary>
public sealed record StatusReport(IReadOnlyList<StatusSection> Sections, DateTimeOffset Time, int ApiRequests, IReadOnlyList<string> KindsRead)
{
    /// <summary>GET requests sent through the API server's service proxy (not lists; 1Password Connect's /health).</summary>
    public int ProxyRequests { get; init; }

    public Health Health => Sections.Select(s => s.Health).Worst();

    /// <summary>
    /// 1 when something is unhealthy, otherwise 2 when something could not be asked, otherwise 0. A problem found
    /// wins over a question left open: the operator has something to fix either way.
    /// </summary>
    public int ExitCode => Sections.Any(s => s.Health == Health.Unhealthy) ? 1 : Sections.Any(s => s.Health == Health.Unknown) ? 2 : 0;
}
