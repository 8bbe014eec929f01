using System.Globalization;
using System.Text.Json.Nodes;
using HomeOps.Core.Diagnostics;
using static HomeOps.Core.Status.ObjectFields;

namespace HomeOps.Core.Status;

/// <summary>
/// The Longhorn section: every volume's robustness (healthy, degraded, faulted; "unknown" is what a detached volume
/// reports, longhorn-manager k8s/pkg/apis/longhorn/v1beta2/volume.go), every Longhorn node's Ready and Schedulable
/// conditions, and every disk's (status.diskStatus[disk].conditions: Ready, Schedulable; DiskPressure when too full).
/// Degraded volumes are one finding listing them; each faulted volume, node not ready and full disk is one.
/// </summary>
public static class LonghornStatus
{
    public const string Id = "longhorn";
    public const string Title = "Longhorn";

    public static StatusSection Evaluate(IReadOnlyList<JsonObject> volumes, IReadOnlyList<JsonObject> nodes)
    {
        var findings = new List<StatusFinding>();
        var items = new List<StatusItem>();
        var ordered = volumes.OrderBy(NameOf, StringComparer.Ordinal).ToList();
        foreach (var v in ordered.Where(v => Robustness(v) == "faulted"))
        {
            findings.Add(StatusFindings.From(DiagnosticCatalog.LonghornVolumeFaulted, Health.Unhealthy, NameOf(v), Claim(v) is { } c ? $" (claim {c})" : string.Empty));
        }

        var degraded = ordered.Where(v => Robustness(v) == "degraded").ToList();
        if (degraded.Count > 0)
        {
            findings.Add(StatusFindings.From(DiagnosticCatalog.LonghornVolumeDegraded, Health.Warning,
                degraded.Count, string.Join(", ", degraded.Select(v => Claim(v) is { } c ? $"{NameOf(v)} ({c})" : NameOf(v)))));
        }

        items.AddRange(ordered.Select(Volume));
        var disks = 0;
        var schedulableDisks = 0;
        foreach (var node in nodes.OrderBy(NameOf, StringComparer.Ordinal))
        {
            var ready = ConditionOf(node, "Ready");
            if (ready?.IsTrue != true)
            {
                findings.Add(StatusFindings.From(DiagnosticCatalog.LonghornNodeNotReady, Health.Unhealthy, NameOf(node), Why(ready)));
            }

            items.Add(Node(node, ready));
            foreach (var (disk, status) in Disks(node))
            {
                disks++;
                var item = Disk(node, disk, status);
                schedulableDisks += item.Health == Health.Ok ? 1 : 0;
                if (item.Health != Health.Ok)
                {
                    findings.Add(StatusFindings.From(DiagnosticCatalog.LonghornDiskNotSchedulable, Health.Warning, $"{NameOf(node)}/{disk}", item.Detail));
                }

                items.Add(item);
            }
        }

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{volumes.Count(v => Robustness(v) == "healthy")} healthy, {degraded.Count} degraded, {volumes.Count(v => Robustness(v) == "faulted")} faulted of {volumes.Count} volume(s); {nodes.Count(n => ConditionOf(n, "Ready")?.IsTrue == true)}/{nodes.Count} node(s) Ready; {schedulableDisks}/{disks} disk(s) schedulable");
        return StatusSection.Of(Id, Title, summary, findings, items);
    }

    private static string Robustness(JsonObject volume) => Str(volume, "status", "robustness") ?? "unknown";

    private static string? Claim(JsonObject volume) =>
        Str(volume, "status", "kubernetesStatus", "pvcName") is { Length: > 0 } pvc ? $"{Str(volume, "status", "kubernetesStatus", "namespace")}/{pvc}" : null;

    private static string Why(Condition? c) => c is null ? "no Ready condition reported" : c.Message.Length > 0 ? $"{c.Reason}: {c.Message}" : c.Reason;

    private static StatusItem Volume(JsonObject volume)
    {
        var robustness = Robustness(volume);
        var state = Str(volume, "status", "state") ?? "unknown";
        var node = Str(volume, "status", "currentNodeID");
        var replicas = Number(volume, "spec", "numberOfReplicas");
        var where = state == "attached" && node is { Length: > 0 } ? $"attached to {node}" : state;
        var claim = Claim(volume) is { } c ? $", claim {c}" : string.Empty;
        var wanted = replicas is { } r ? string.Create(CultureInfo.InvariantCulture, $", {r} replica(s) wanted") : string.Empty;
        var health = robustness switch
        {
            "healthy" => Health.Ok,
            "degraded" => Health.Warning,
            "faulted" => Health.Unhealthy,
            _ => state == "detached" ? Health.Ok : Health.Warning,
        };
        var shown = robustness == "unknown" && state == "detached" ? where : $"{robustness}, {where}";
        return new StatusItem($"volume/{NameOf(volume)}", health, $"{shown}{claim}{wanted}")
        {
            Fields = [new("kind", "Volume"), new("robustness", robustness), new("state", state), new("node", node ?? string.Empty), new("claim", Claim(volume) ?? string.Empty)],
        };
    }

    private static StatusItem Node(JsonObject node, Condition? ready)
    {
        var schedulable = ConditionOf(node, "Schedulable");
        var allowed = Bool(node, "spec", "allowScheduling") != false;
        var (health, detail) = ready?.IsTrue != true ? (Health.Unhealthy, $"not Ready: {Why(ready)}")
            : !allowed ? (Health.Warning, "Ready, scheduling disabled (spec.allowScheduling false)")
            : schedulable is { IsTrue: false } ? (Health.Warning, $"Ready, not schedulable: {Why(schedulable)}")
            : (Health.Ok, "Ready, schedulable");
        return new StatusItem($"node/{NameOf(node)}", health, detail)
        {
            Fields = [new("kind", "Node.longhorn.io"), new("ready", ready?.Status ?? "Unknown"), new("schedulable", schedulable?.Status ?? "Unknown"), new("allowScheduling", allowed ? "true" : "false")],
        };
    }

    private static IEnumerable<(string Disk, JsonObject Status)> Disks(JsonObject node) =>
        At(node, "status", "diskStatus") is JsonObject disks
            ? disks.Where(d => d.Value is JsonObject).Select(d => (d.Key, (JsonObject)d.Value!)).OrderBy(d => d.Key, StringComparer.Ordinal)
            : [];

    private static StatusItem Disk(JsonObject node, string disk, JsonObject status)
    {
        var ready = ConditionOf(status, "Ready", "conditions");
        var schedulable = ConditionOf(status, "Schedulable", "conditions");
        var allowed = Bool(node, "spec", "disks", disk, "allowScheduling") != false;
        var space = Number(status, "storageAvailable") is { } available && Number(status, "storageMaximum") is { } maximum && maximum > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{Gib(available)} of {Gib(maximum)} free") : "size not reported";
        var (health, detail) = ready?.IsTrue != true ? (Health.Unhealthy, $"not Ready: {Why(ready)}")
            : !allowed ? (Health.Warning, $"scheduling disabled (spec.disks.{disk}.allowScheduling false), {space}")
            : schedulable?.IsTrue != true ? (Health.Warning, $"not schedulable: {Why(schedulable)}")
            : (Health.Ok, $"schedulable, {space}");
        return new StatusItem($"disk/{NameOf(node)}/{disk}", health, detail)
        {
            Fields = [new("kind", "Disk"), new("node", NameOf(node)), new("path", Str(status, "diskPath") ?? string.Empty), new("ready", ready?.Status ?? "Unknown"), new("schedulable", schedulable?.Status ?? "Unknown")],
        };
    }

    private static string Gib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024 * 1024):0.#} GiB");
}
