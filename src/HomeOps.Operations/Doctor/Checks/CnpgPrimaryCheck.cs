using HomeOps.Core.Diagnostics;
using HomeOps.Core.Status;

namespace HomeOps.Operations.Doctor.Checks;

/// <summary>
/// Gate: every CloudNativePG cluster has a primary (status.currentPrimary, not switching) and is in a healthy state
/// (from the CloudNativePG section).
/// </summary>
public sealed class CnpgPrimaryCheck : SectionGate
{
    public override string Id => "cnpg";

    public override string Title => "PostgreSQL primary ready";

    protected override string SectionId => CnpgStatus.Id;

    protected override DoctorCheckResult Judge(StatusSection section)
    {
        var findings = new List<StatusFinding>();
        var clusters = section.Items.Where(i => i.Field("kind") == "Cluster").ToList();
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

        findings.AddRange(WithCodes(section, [DiagnosticCatalog.CnpgClusterNotHealthy, DiagnosticCatalog.CnpgArchivingFailing]));
        var primaries = string.Join(", ", clusters.Select(c => $"{c.Name["cluster/".Length..]} primary {c.Field("primary")}"));
        return DoctorCheckResult.From(this, clusters.Count == 0 ? "no clusters" : primaries, findings);
    }
}
