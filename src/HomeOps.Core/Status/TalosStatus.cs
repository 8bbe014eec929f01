using System.Globalization;
using HomeOps.Core.Diagnostics;
using static HomeOps.Core.Status.ObjectFields;

namespace HomeOps.Core.Status;

/// <summary>
/// The Talos section: per node its Talos version, its etcd member (control planes: member id, leader, errors,
/// alarms) and its volumes (VolumeStatus phase; "ready" and "closed" are fine), plus etcd quorum over the control
/// planes. All from four talosctl calls that each ask every node at once.
/// </summary>
public static class TalosStatus
{
    public const string Id = "talos";
    public const string Title = "Talos";

    public static StatusSection Evaluate(IReadOnlyList<TalosNode> nodes, TalosReadings readings, string? expectedVersion)
    {
        var answers = new[] { readings.Versions, readings.EtcdStatus, readings.EtcdAlarms, readings.Volumes };
        if (answers.All(a => a.Failed))
        {
            return StatusSection.CouldNotAsk(Id, Title, StatusFindings.From(DiagnosticCatalog.TalosQueryFailed, Health.Unknown, readings.Versions.Command, FirstLine(readings.Versions.Errors)));
        }

        var findings = answers.Where(a => a.Failed).Select(a => StatusFindings.From(DiagnosticCatalog.TalosQueryFailed, Health.Unknown, a.Command, FirstLine(a.Errors))).ToList();
        var versions = TalosOutput.JsonObjects(readings.Versions.Output)
            .GroupBy(v => Str(v, "metadata", "hostname") ?? string.Empty).ToDictionary(g => g.Key, g => Str(g.First(), "version", "tag") ?? "?");
        var etcd = TalosOutput.Table(readings.EtcdStatus.Output).GroupBy(r => r.GetValueOrDefault("NODE") ?? string.Empty).ToDictionary(g => g.Key, g => g.First());
        var alarms = TalosOutput.Table(readings.EtcdAlarms.Output);
        var volumes = TalosOutput.JsonObjects(readings.Volumes.Output).ToLookup(v => Str(v, "node") ?? string.Empty);

        var items = new List<StatusItem>();
        var healthyMembers = 0;
        foreach (var node in nodes)
        {
            items.Add(Node(node, readings, versions, etcd, alarms, volumes[node.Address].ToList(), findings, ref healthyMembers));
        }

        var controlPlanes = nodes.Count(n => n.ControlPlane);
        if (!readings.EtcdStatus.Failed && controlPlanes > 0)
        {
            var quorum = controlPlanes / 2 + 1;
            if (healthyMembers < quorum)
            {
                findings.Add(StatusFindings.From(DiagnosticCatalog.EtcdQuorumAtRisk, Health.Unhealthy, healthyMembers, controlPlanes, $"quorum ({quorum}) is lost: the API server cannot write"));
            }
            else if (healthyMembers < controlPlanes && healthyMembers == quorum)
            {
                findings.Add(StatusFindings.From(DiagnosticCatalog.EtcdQuorumAtRisk, Health.Warning, healthyMembers, controlPlanes, "one more failed member loses quorum"));
            }
        }

        var running = versions.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (running.Count > 1 || (expectedVersion is { Length: > 0 } && running.Count == 1 && running[0] != expectedVersion))
        {
            var each = string.Join(", ", nodes.Where(n => versions.ContainsKey(n.Address)).Select(n => $"{n.Name} {versions[n.Address]}"));
            findings.Add(StatusFindings.From(DiagnosticCatalog.TalosVersionSkew, Health.Warning, each, expectedVersion ?? "no version"));
        }

        var answered = nodes.Count(n => versions.ContainsKey(n.Address));
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{answered}/{nodes.Count} node(s) answered; etcd {healthyMembers}/{controlPlanes} member(s) healthy; {alarms.Count} alarm(s)");
        return StatusSection.Of(Id, Title, summary, findings, items);
    }

    private static StatusItem Node(
        TalosNode node, TalosReadings readings, Dictionary<string, string> versions, Dictionary<string, IReadOnlyDictionary<string, string>> etcd,
        IReadOnlyList<IReadOnlyDictionary<string, string>> alarms, List<System.Text.Json.Nodes.JsonObject> volumes, List<StatusFinding> findings, ref int healthyMembers)
    {
        var name = $"node/{node.Name}";
        if (!versions.TryGetValue(node.Address, out var version))
        {
            var why = readings.Versions.ErrorFor(node.Address) ?? (readings.Versions.Failed ? FirstLine(readings.Versions.Errors) : "no answer");
            return new StatusItem(name, Health.Unknown, $"{node.Address} did not answer: {why}")
            {
                Fields = [new("address", node.Address), new("answered", "false")],
            };
        }

        var health = Health.Ok;
        var parts = new List<string> { $"Talos {version}" };
        var fields = new List<StatusField> { new("address", node.Address), new("answered", "true"), new("version", version) };
        if (node.ControlPlane && !readings.EtcdStatus.Failed)
        {
            if (etcd.TryGetValue(node.Address, out var row))
            {
                var member = row.GetValueOrDefault("MEMBER") ?? "?";
                var errors = row.GetValueOrDefault("ERRORS") ?? string.Empty;
                var leader = row.GetValueOrDefault("LEADER") == member;
                var memberAlarms = alarms.Where(a => a.GetValueOrDefault("NODE") == node.Address).Select(a => a.GetValueOrDefault("ALARM") ?? "?").ToList();
                foreach (var alarm in memberAlarms)
                {
                    findings.Add(StatusFindings.From(DiagnosticCatalog.EtcdAlarm, Health.Unhealthy, member, node.Address, alarm));
                }

                if (errors.Length > 0)
                {
                    findings.Add(StatusFindings.From(DiagnosticCatalog.EtcdMemberErrors, Health.Unhealthy, member, node.Address, errors));
                }
                else if (memberAlarms.Count == 0)
                {
                    healthyMembers++;
                }

                health = errors.Length > 0 || memberAlarms.Count > 0 ? Health.Unhealthy : health;
                var state = errors.Length > 0 ? $"errors: {errors}" : memberAlarms.Count > 0 ? $"alarm {string.Join(", ", memberAlarms)}" : "healthy";
                parts.Add($"etcd member {member}{(leader ? " (leader)" : string.Empty)} {state}, db {row.GetValueOrDefault("DB SIZE")}");
                fields.AddRange([new("etcdMember", member), new("etcdLeader", leader ? "true" : "false"), new("etcdErrors", errors), new("etcdAlarms", string.Join(",", memberAlarms))]);
            }
            else
            {
                health = Health.Unhealthy;
                var why = readings.EtcdStatus.ErrorFor(node.Address) ?? "no etcd member answered";
                parts.Add($"etcd: {why}");
                findings.Add(StatusFindings.From(DiagnosticCatalog.EtcdMemberErrors, Health.Unhealthy, "?", node.Address, why));
                fields.Add(new("etcdMember", string.Empty));
            }
        }

        if (!readings.Volumes.Failed)
        {
            var notReady = new List<string>();
            foreach (var volume in volumes.OrderBy(v => Str(v, "metadata", "id"), StringComparer.Ordinal))
            {
                var id = Str(volume, "metadata", "id") ?? "?";
                var phase = Str(volume, "spec", "phase") ?? "?";
                if (phase is "ready" or "closed")
                {
                    continue;
                }

                var error = Str(volume, "spec", "errorMessage") is { Length: > 0 } e ? $": {e}" : string.Empty;
                var volumeHealth = phase is "failed" or "missing" ? Health.Unhealthy : Health.Warning;
                health = health.Worst(volumeHealth);
                notReady.Add($"{id} {phase}");
                findings.Add(StatusFindings.From(DiagnosticCatalog.TalosVolumeNotReady, volumeHealth, id, node.Address, phase, error));
            }

            var ready = volumes.Count - notReady.Count;
            parts.Add(notReady.Count == 0 ? $"{ready} volume(s) ready" : $"{ready}/{volumes.Count} volume(s) ready, {string.Join(", ", notReady)}");
            fields.Add(new("volumesReady", string.Create(CultureInfo.InvariantCulture, $"{ready}/{volumes.Count}")));
        }

        return new StatusItem(name, health, $"{node.Address}, {string.Join("; ", parts)}") { Fields = fields };
    }

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no output";
}
