namespace HomeOps.Core.Status;

/// <summary>
/// The state of one part of the cluster (Kubernetes, Flux, Cilium, ...): an overall health, a one-line summary,
/// findings that explain it, and the objects it is made of.
/// </summary>
public sealed record StatusSection(string Id, string Title, Health Health, string Summary, IReadOnlyList<StatusFinding> Findings, IReadOnlyList<StatusItem> Items)
{
    /// <summary>A section built from its parts: its health is the worst of its findings and items.</summary>
    public static StatusSection Of(string id, string title, string summary, IReadOnlyList<StatusFinding> findings, IReadOnlyList<StatusItem> items) =>
        new(id, title, findings.Select(f => f.Health).Concat(items.Select(i => i.Health)).Worst(), summary, findings, items);

    /// <summary>A section that could not be read at all, with one line saying why.</summary>
    public static StatusSection CouldNotAsk(string id, string title, StatusFinding why) =>
        new(id, title, why.Health, why.Health == Health.Absent ? "not installed" : "could not ask", [why], []);
}
