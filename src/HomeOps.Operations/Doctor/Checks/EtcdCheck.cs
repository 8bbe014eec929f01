using HomeOps.Core.Diagnostics;
using HomeOps.Core.Status;

namespace HomeOps.Operations.Doctor.Checks;

/// <summary>Gate: every etcd member healthy, no alarm, quorum held (from the Talos section's talosctl answers).</summary>
public sealed class EtcdCheck : SectionGate
{
    public override string Id => "etcd";

    public override string Title => "etcd healthy, no alarms, quorum";

    protected override string SectionId => TalosStatus.Id;

    protected override DoctorCheckResult Judge(StatusSection section)
    {
        var findings = WithCodes(section,
            [DiagnosticCatalog.EtcdMemberErrors, DiagnosticCatalog.EtcdAlarm, DiagnosticCatalog.EtcdQuorumAtRisk, DiagnosticCatalog.TalosQueryFailed]).ToList();
        var members = section.Items.Where(i => i.Field("etcdMember") is { Length: > 0 }).ToList();
        var unanswered = section.Items.Where(i => i.Health == Health.Unknown).Select(i => i.Name).ToList();
        if (findings.Count == 0 && unanswered.Count > 0)
        {
            findings.Add(new StatusFinding(Health.Unknown, $"{string.Join(", ", unanswered)} did not answer: their etcd members are not known to be healthy"));
        }

        var leader = members.FirstOrDefault(m => m.Field("etcdLeader") == "true")?.Field("etcdMember") ?? "none";
        return DoctorCheckResult.From(this, $"{members.Count(m => m.Field("etcdErrors") is "" && m.Field("etcdAlarms") is "")}/{members.Count} member(s) healthy, leader {leader}", findings);
    }
}
