using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using static HomeOps.Core.Status.ObjectFields;

namespace HomeOps.Core.Status;

/// <summary>
/// A CiliumLoadBalancerIPPool as LB IPAM reports it. Cilium keeps the pool's usage only in status conditions: the
/// operator writes the count as the condition's message (a decimal number, possibly beyond 64 bits for an IPv6
/// range), status "Unknown", reason "noreason" (operator/pkg/lbipam/lbipam.go, updatePoolCounts and
/// setPoolCondition), and the CRD's own "IPs Available" column reads that message. The same shape holds on 1.16, 1.17
/// and 1.18 (served as cilium.io/v2alpha1 by all three); what differs is which counts are there and whether they
/// agree: a pool not yet counted has none, 1.18.1 leaves IPsAvailable out on a second pool (cilium/cilium#41536),
/// and the operator sets the three with a short-circuit `||`, so one pass may update the first changed count only
/// (cilium/cilium#41321). A missing or unparsable count is null, never a guess.
/// </summary>
public sealed record LbIpamPool(string Name, bool Disabled, BigInteger? Total, BigInteger? Available, BigInteger? Used, string? Conflict)
{
    public const string TotalCondition = "cilium.io/IPsTotal";
    public const string AvailableCondition = "cilium.io/IPsAvailable";
    public const string UsedCondition = "cilium.io/IPsUsed";
    public const string ConflictCondition = "cilium.io/PoolConflict";

    public static LbIpamPool From(JsonObject pool)
    {
        var conflict = ConditionOf(pool, ConflictCondition);
        return new LbIpamPool(
            NameOf(pool),
            Bool(pool, "spec", "disabled") == true,
            Count(pool, TotalCondition),
            Count(pool, AvailableCondition),
            Count(pool, UsedCondition),
            conflict is { IsTrue: true } ? (conflict.Message.Length > 0 ? conflict.Message : conflict.Reason) : null);
    }

    /// <summary>The counts agree when total = used + available; false when all three are known and they do not.</summary>
    public bool CountsAgree => Total is not { } t || Used is not { } u || Available is not { } a || t == u + a;

    /// <summary>"3 of 100 used, 97 available"; the counts that are missing are said to be.</summary>
    public string Usage()
    {
        if (Used is { } used && Total is { } total)
        {
            var available = Available is { } a ? $", {a} available" : ", available not reported";
            return string.Create(CultureInfo.InvariantCulture, $"{used} of {total} used{available}");
        }

        if (Available is { } only)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{only} available (used and total not reported)");
        }

        return "no usage reported yet (the operator has not counted this pool)";
    }

    private static BigInteger? Count(JsonObject pool, string type) =>
        ConditionOf(pool, type) is { } c && BigInteger.TryParse(c.Message.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
