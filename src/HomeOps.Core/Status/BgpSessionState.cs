using System.Text.Json.Nodes;
using static HomeOps.Core.Status.ObjectFields;

namespace HomeOps.Core.Status;

/// <summary>
/// One BGP session of one node, from CiliumBGPNodeConfig status.bgpInstances[].peers[] (the operator names the object
/// after the node; the agent writes the status). <see cref="State"/> is the session state the agent reports
/// ("established" when up); the time it has been up is "uptime" in older CRDs and "establishedTime" in later ones.
/// The router a session is with, as cluster.yaml configures it, is <see cref="ClusterConfig.BgpPeer"/>.
/// </summary>
public sealed record BgpSessionState(string Node, string Instance, string Name, string Address, long? Asn, string? State, string? Uptime, DateTimeOffset? EstablishedTime)
{
    public const string Established = "established";

    public bool IsUp => string.Equals(State, Established, StringComparison.OrdinalIgnoreCase);

    public static IEnumerable<BgpSessionState> From(JsonObject nodeConfig)
    {
        var node = NameOf(nodeConfig);
        foreach (var instance in Objects(nodeConfig, "status", "bgpInstances"))
        {
            foreach (var peer in Objects(instance, "peers"))
            {
                yield return new BgpSessionState(node, Str(instance, "name") ?? string.Empty, Str(peer, "name") ?? string.Empty, Str(peer, "peerAddress") ?? string.Empty,
                    Number(peer, "peerASN"), Str(peer, "peeringState"), Str(peer, "uptime"), Time(peer, "establishedTime"));
            }
        }
    }

    /// <summary>Peers the node is configured with (spec) but that the agent reports nothing for: no session at all.</summary>
    public static IEnumerable<BgpSessionState> Unreported(JsonObject nodeConfig)
    {
        var reported = From(nodeConfig).Select(p => (p.Instance, p.Name)).ToHashSet();
        var node = NameOf(nodeConfig);
        foreach (var instance in Objects(nodeConfig, "spec", "bgpInstances"))
        {
            var name = Str(instance, "name") ?? string.Empty;
            foreach (var peer in Objects(instance, "peers").Where(p => !reported.Contains((name, Str(p, "name") ?? string.Empty))))
            {
                yield return new BgpSessionState(node, name, Str(peer, "name") ?? string.Empty, Str(peer, "peerAddress") ?? string.Empty, Number(peer, "peerASN"), null, null, null);
            }
        }
    }
}
