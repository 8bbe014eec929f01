using System.Numerics;
using System.Text.Json.Nodes;
using HomeOps.Core.Status;

namespace HomeOps.Core.Tests.Status;

/// <summary>
/// LB IPAM pool usage as Cilium 1.16, 1.17 and 1.18 write it: only in status conditions, the count as the message
/// (operator/pkg/lbipam/lbipam.go updatePoolCounts/setPoolCondition; docs/status.md cites the lines).
/// </summary>
public sealed class LbIpamPoolTests
{
    private static JsonObject Condition(string type, string message, string status = "Unknown", string reason = "noreason") => new()
    {
        ["type"] = type, ["status"] = status, ["reason"] = reason, ["message"] = message, ["observedGeneration"] = 1, ["lastTransitionTime"] = "2026-11-26T09:00:00Z",
    };

    private static JsonObject Pool(string apiVersion, bool disabled = false, params JsonObject[] conditions) => new()
    {
        ["apiVersion"] = apiVersion,
        ["kind"] = "CiliumLoadBalancerIPPool",
        ["metadata"] = new JsonObject { ["name"] = "bgp-default" },
        ["spec"] = new JsonObject { ["disabled"] = disabled, ["blocks"] = new JsonArray(new JsonObject { ["cidr"] = "172.29.52.0/24" }) },
        ["status"] = new JsonObject { ["conditions"] = new JsonArray([.. conditions]) },
    };

    [Fact]
    public void From_Cilium116Shape_ReadsTheThreeCountsFromTheMessages()
    {
        // 1.16: cilium.io/v2alpha1, the three counts as decimal messages, PoolConflict False "resolved" after a conflict cleared (unmarkPool).
        var pool = LbIpamPool.From(Pool("cilium.io/v2alpha1", false,
            Condition("cilium.io/PoolConflict", string.Empty, "False", "resolved"),
            Condition("cilium.io/IPsTotal", "254"), Condition("cilium.io/IPsAvailable", "251"), Condition("cilium.io/IPsUsed", "3")));

        (pool.Total, pool.Available, pool.Used, pool.Conflict).ShouldBe((new BigInteger(254), new BigInteger(251), new BigInteger(3), null));
        pool.CountsAgree.ShouldBeTrue();
        pool.Usage().ShouldBe("3 of 254 used, 251 available");
    }

    [Fact]
    public void From_Cilium117ShapeWithIpv6Range_CountsBeyond64BitsAreExact()
    {
        // 1.17: counts written from big.Int (Total.String()), so a /64 IPv6 block counts 2^64 addresses.
        var total = BigInteger.Pow(2, 64);
        var pool = LbIpamPool.From(Pool("cilium.io/v2alpha1", false,
            Condition("cilium.io/IPsTotal", total.ToString()), Condition("cilium.io/IPsAvailable", (total - 2).ToString()), Condition("cilium.io/IPsUsed", "2")));

        pool.Total.ShouldBe(total);
        pool.Available.ShouldBe(total - 2);
        pool.Usage().ShouldBe("2 of 18446744073709551616 used, 18446744073709551614 available");
    }

    [Fact]
    public void From_Cilium118ShapeWithoutAvailable_SaysItIsNotReported()
    {
        // 1.18.1 leaves cilium.io/IPsAvailable out on a second pool until a Service is created (cilium/cilium#41536).
        var pool = LbIpamPool.From(Pool("cilium.io/v2", false, Condition("cilium.io/IPsTotal", "256"), Condition("cilium.io/IPsUsed", "0")));

        pool.Available.ShouldBeNull();
        pool.Usage().ShouldBe("0 of 256 used, available not reported");
        pool.CountsAgree.ShouldBeTrue("nothing to compare");
    }

    [Fact]
    public void From_CountsUpdatedPartially_DoNotAgree()
    {
        // The operator sets the three counts with a short-circuit ||: after a Service is deleted only IPsTotal or the
        // first changed count is written in that pass (cilium/cilium#41321), so used + available can differ from total.
        var pool = LbIpamPool.From(Pool("cilium.io/v2alpha1", false,
            Condition("cilium.io/IPsTotal", "100"), Condition("cilium.io/IPsAvailable", "97"), Condition("cilium.io/IPsUsed", "2")));

        pool.CountsAgree.ShouldBeFalse();
    }

    [Fact]
    public void From_Conflicting_TakesTheOperatorsMessage()
    {
        var pool = LbIpamPool.From(Pool("cilium.io/v2alpha1", false,
            Condition("cilium.io/PoolConflict", "Pool conflicts since range '172.29.52.0/24' overlaps range '172.29.52.100/32' from IP Pool 'other'", "True", "cidr_overlap")));

        pool.Conflict.ShouldBe("Pool conflicts since range '172.29.52.0/24' overlaps range '172.29.52.100/32' from IP Pool 'other'");
        pool.Usage().ShouldBe("no usage reported yet (the operator has not counted this pool)");
    }

    [Theory]
    [InlineData("")]
    [InlineData("n/a")]
    [InlineData("-1")]
    [InlineData("1e3")]
    public void From_MessageNotACount_IsNullNotAGuess(string message)
    {
        var pool = LbIpamPool.From(Pool("cilium.io/v2alpha1", false, Condition("cilium.io/IPsTotal", message)));

        pool.Total.ShouldBeNull();
    }
}
