using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HomeOps.Fakes.Programs;

/// <summary>
/// The read-only calls of `homeops status` over several nodes at once (--nodes a,b,c), as talosctl v1.10.5 prints
/// them: `version --json` one protojson object per node (metadata.hostname = the address), `etcd status` and
/// `etcd alarm list` tabwriter tables with a NODE column (padding 3; alarm list prints nothing without alarms),
/// `get volumestatus -o json` one indented object per resource with "node". A node that does not answer is left
/// out and named on stderr ("1 error occurred: * ADDR: rpc error ...") with exit code 0, as apid's one-to-many
/// proxy does; when no node answers the call fails. Does not model: members that are not in cluster.yaml, learners,
/// raft indices that move, other resource types.
/// </summary>
public sealed partial class FakeTalosctl
{
    /// <summary>A cluster that is already running: etcd was bootstrapped on <paramref name="address"/> before the test.</summary>
    public void MarkEtcdBootstrapped(string address)
    {
        EtcdBootstrappedOn = address;
        EtcdBootstraps = 1;
        foreach (var node in Nodes.Where(n => n.Configured && n.IsControlPlane))
        {
            node.EtcdData = true;
        }
    }

    /// <summary>True for the status calls this partial answers.</summary>
    private static bool IsStatusCall(List<string> args) =>
        args is ["version", .., "--json"] or ["etcd", "status", ..] or ["etcd", "alarm", "list", ..] or ["get", "volumestatus", ..];

    private FakeResult StatusCall(List<string> args, string nodesOption, string talosconfig)
    {
        var addresses = nodesOption.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var answering = new List<FakeTalosNode>();
        var errors = new List<string>();
        foreach (var address in addresses)
        {
            var node = Nodes.FirstOrDefault(n => n.Address == address);
            if (node is null || !node.Reachable)
            {
                errors.Add($"{address}: rpc error: code = Unavailable desc = connection error: desc = \"transport: Error while dialing: dial tcp {address}:50000: connect: no route to host\"");
            }
            else if (!node.Configured || TalosconfigCa(talosconfig) != node.Ca)
            {
                errors.Add($"{address}: rpc error: code = Unavailable desc = connection error: desc = \"transport: authentication handshake failed: tls: failed to verify certificate: x509: certificate signed by unknown authority\"");
            }
            else if (args[0] == "etcd" && (!node.IsControlPlane || !node.EtcdData))
            {
                errors.Add($"{address}: rpc error: code = FailedPrecondition desc = etcd is not running on this node");
            }
            else
            {
                answering.Add(node);
            }
        }

        var stderr = errors.Count == 0 ? string.Empty
            : $"{errors.Count} error{(errors.Count == 1 ? string.Empty : "s")} occurred:\n{string.Concat(errors.Select(e => $"\t* {e}\n"))}\n";
        if (answering.Count == 0)
        {
            return FakeResult.Error("error: " + stderr);
        }

        var output = args switch
        {
            ["version", ..] => string.Concat(answering.Select(VersionJson)),
            ["etcd", "status", ..] => EtcdStatusTable(answering),
            ["etcd", "alarm", ..] => EtcdAlarmTable(answering),
            _ => string.Concat(answering.SelectMany(n => n.Volumes.Select(v => VolumeJson(n, v)))),
        };
        return new FakeResult(0, output, stderr);
    }

    private static string VersionJson(FakeTalosNode node) =>
        new JsonObject
        {
            ["metadata"] = new JsonObject { ["hostname"] = node.Address },
            ["version"] = new JsonObject { ["tag"] = node.TalosVersion, ["sha"] = "3e9cb2a1", ["built"] = string.Empty, ["goVersion"] = "go1.24.4", ["os"] = "linux", ["arch"] = "arm64" },
            ["platform"] = new JsonObject { ["name"] = "metal", ["mode"] = "metal" },
            ["features"] = new JsonObject { ["rbac"] = true },
        }.ToJsonString() + "\n";

    private string EtcdStatusTable(List<FakeTalosNode> nodes)
    {
        var leader = nodes.Where(n => n.EtcdErrors.Length == 0).Select(MemberId).FirstOrDefault() ?? "0000000000000000";
        string[] header = ["NODE", "MEMBER", "DB SIZE", "IN USE", "LEADER", "RAFT INDEX", "RAFT TERM", "RAFT APPLIED INDEX", "LEARNER", "ERRORS"];
        var rows = nodes.Select(n => new[] { n.Address, MemberId(n), "31 MB", "15 MB (48.39%)", leader, "1948213", "7", "1948213", "false", n.EtcdErrors }).ToList();
        return TabWriter([header, .. rows]);
    }

    private string EtcdAlarmTable(List<FakeTalosNode> nodes)
    {
        var rows = nodes.SelectMany(n => n.EtcdAlarms.Select(a => new[] { n.Address, MemberId(n), a })).ToList();
        return rows.Count == 0 ? string.Empty : TabWriter([["NODE", "MEMBER", "ALARM"], .. rows]);
    }

    private static string VolumeJson(FakeTalosNode node, FakeTalosVolume volume)
    {
        var spec = new JsonObject { ["phase"] = volume.Phase, ["type"] = "partition", ["location"] = volume.Location, ["prettySize"] = volume.PrettySize, ["filesystem"] = "xfs" };
        if (volume.ErrorMessage.Length > 0)
        {
            spec["errorMessage"] = volume.ErrorMessage;
        }

        var resource = new JsonObject
        {
            ["node"] = node.Address,
            ["metadata"] = new JsonObject { ["namespace"] = "runtime", ["type"] = "VolumeStatuses.block.talos.dev", ["id"] = volume.Id, ["version"] = 3, ["phase"] = "running" },
            ["spec"] = spec,
        };
        return resource.ToJsonString(new JsonSerializerOptions { WriteIndented = true, IndentSize = 4 }) + "\n";
    }

    /// <summary>Go's text/tabwriter with minwidth 0, padding 3, padchar ' ', flags 0: cells padded to the column width + 3; the last cell not padded.</summary>
    private static string TabWriter(List<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(r => r[i].Length) + 3).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                text.Append(i == row.Length - 1 ? row[i] : row[i].PadRight(widths[i]));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The node's member id, or a stable one made from its place in the cluster.</summary>
    private string MemberId(FakeTalosNode node) =>
        node.EtcdMemberId.Length > 0 ? node.EtcdMemberId : (0x3a6f1c2d5e4b0000L + Nodes.ToList().IndexOf(node) + 1).ToString("x16", CultureInfo.InvariantCulture);
}
