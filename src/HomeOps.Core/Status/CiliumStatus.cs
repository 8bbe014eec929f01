using System.Globalization;
using System.Text.Json.Nodes;
using HomeOps.Core.Diagnostics;

namespace HomeOps.Core.Status;

/// <summary>
/// The Cilium section: every BGP session of every node (CiliumBGPNodeConfig status) and every LB IPAM pool's usage
/// (<see cref="LbIpamPool"/>). A peer that is down on several nodes is one finding naming the nodes, not one per node.
/// </summary>
public static class CiliumStatus
{
    public const string Id = "cilium";
    public const string Title = "Cilium";

    public static StatusSection Evaluate(IReadOnlyList<JsonObject> bgpNodeConfigs, IReadOnlyList<JsonObject> pools, DateTimeOffset now)
    {
        var peers = bgpNodeConfigs.SelectMany(c => BgpSessionState.From(c).Concat(BgpSessionState.Unreported(c)))
            .OrderBy(p => p.Node, StringComparer.Ordinal).ThenBy(p => p.Instance, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        var lbPools = pools.Select(LbIpamPool.From).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();

        var findings = new List<StatusFinding>();
        foreach (var down in peers.Where(p => !p.IsUp).GroupBy(p => (p.Name, p.Address)).OrderBy(g => g.Key.Name, StringComparer.Ordinal))
        {
            var nodes = peers.Count(p => (p.Name, p.Address) == down.Key);
            var where = string.Create(CultureInfo.InvariantCulture, $"{down.Count()} of {nodes} node(s): {string.Join(", ", down.Select(p => $"{p.Node} ({p.State ?? "no session"})"))}");
            findings.Add(StatusFindings.From(DiagnosticCatalog.BgpPeerDown, Health.Unhealthy, $"{down.Key.Name} ({down.Key.Address})", where, down.Key.Address));
        }

        foreach (var pool in lbPools.Where(p => p.Conflict is not null))
        {
            findings.Add(StatusFindings.From(DiagnosticCatalog.LbPoolConflict, Health.Unhealthy, pool.Name, pool.Conflict));
        }

        foreach (var pool in lbPools.Where(IsExhausted))
        {
            findings.Add(StatusFindings.From(DiagnosticCatalog.LbPoolExhausted, Health.Warning, pool.Name, pool.Usage()));
        }

        var items = peers.Select(p => Peer(p, now)).Concat(lbPools.Select(Pool)).ToList();
        var up = peers.Count(p => p.IsUp);
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{up}/{peers.Count} BGP sessions established on {bgpNodeConfigs.Count} node(s); {lbPools.Count} LB IPAM pool(s), {lbPools.Count(p => p.Conflict is not null)} conflicting, {lbPools.Count(IsExhausted)} exhausted");
        return StatusSection.Of(Id, Title, summary, findings, items);
    }

    private static bool IsExhausted(LbIpamPool pool) => !pool.Disabled && pool.Conflict is null && pool.Available == 0 && pool.Total > 0;

    private static StatusItem Peer(BgpSessionState peer, DateTimeOffset now)
    {
        var remote = peer.Asn is { } asn ? string.Create(CultureInfo.InvariantCulture, $"{peer.Address} AS {asn}") : peer.Address;
        var since = peer.EstablishedTime is { } t ? $" for {Durations.Format(now - t)}" : peer.Uptime is { Length: > 0 } u ? $" for {u}" : string.Empty;
        var (health, detail) = peer.IsUp ? (Health.Ok, $"established{since}, {remote}")
            : peer.State is null ? (Health.Unhealthy, $"no session reported by the agent, {remote}")
            : (Health.Unhealthy, $"{peer.State} (not established), {remote}");
        return new StatusItem($"bgp/{peer.Node}/{peer.Name}", health, detail)
        {
            Fields =
            [
                new("kind", "CiliumBGPNodeConfig"), new("node", peer.Node), new("instance", peer.Instance), new("peer", peer.Name),
                new("peerAddress", peer.Address), new("peerASN", peer.Asn?.ToString(CultureInfo.InvariantCulture) ?? string.Empty), new("state", peer.State ?? string.Empty),
            ],
        };
    }

    private static StatusItem Pool(LbIpamPool pool)
    {
        var usage = pool.Usage();
        var (health, detail) =
            pool.Conflict is { } conflict ? (Health.Unhealthy, $"conflicting, allocates nothing: {conflict}")
            : pool.Disabled ? (Health.Warning, $"disabled (spec.disabled); {usage}")
            : IsExhausted(pool) ? (Health.Warning, $"exhausted: {usage}")
            : pool.Total is null && pool.Available is null ? (Health.Warning, usage)
            : !pool.CountsAgree ? (Health.Warning, $"{usage}; the counts disagree (total is not used + available): the operator updated only some of them (cilium/cilium#41321)")
            : (Health.Ok, usage);
        return new StatusItem($"pool/{pool.Name}", health, detail)
        {
            Fields =
            [
                new("kind", "CiliumLoadBalancerIPPool"), new("total", Text(pool.Total)), new("used", Text(pool.Used)), new("available", Text(pool.Available)),
                new("disabled", pool.Disabled ? "true" : "false"), new("conflict", pool.Conflict ?? string.Empty),
            ],
        };
    }

    private static string Text(System.Numerics.BigInteger? n) => n?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
