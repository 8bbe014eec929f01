using HomeOps.Core.Diagnostics;
using HomeOps.Core.Status;

namespace HomeOps.Operations.Doctor.Checks;

/// <summary>
/// Gate: every CloudNativePG cluster has a primary (status.currentPrimary, not switching) and is in a healthy state
/// (from the CloudNativePG section).
/// </summary>
public sealed class CnpgPrimaryCheck : IDoctorCheck
{
    public string Id => "cnpg";

    public string Title => "PostgreSQL primary ready";

    public bool IsUpgradeGate => true;

    public Task<DoctorCheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var section = context.Section(CnpgStatus.Id);
        if (SectionGate.Unread(this, section) is { } unread)
        {
            return Task.FromResult(unread);
        }

        var findings = new List<StatusFinding>();
        var clusters = section!.Items.Where(i => i.Field("kind") == "Cluster").ToList();
        foreach (var cluster in clusters)
        {
            var key = cluster.Name["cluster/".Length..];
            var slash = key.IndexOf('/', StringComparison.Ordinal);
            var (ns, name) = slash < 0 ? ("default", key) : (key[..slash], key[(slash + 1)..]);
            if (cluster.Field("primary") is null or "none" || cluster.Field("readyInstances") == "0")
            {
                findings.Add(StatusFindings.From(DiagnosticCatalog.CnpgNoPrimary, Health.Unhealthy, key, cluster.Detail, name, ns));
            }
        }

        findings.AddRange(SectionGate.WithCodes(section, "HO6130", "HO6132"));
        var primaries = string.Join(", ", clusters.Select(c => $"{c.Name["cluster/".Length..]} primary {c.Field("primary")}"));
        return Task.FromResult(DoctorCheckResult.From(this, clusters.Count == 0 ? "no clusters" : primaries, findings));
    }
}
