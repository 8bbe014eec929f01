using System.Text.Json.Nodes;
using HomeOps.Core.Status;

namespace HomeOps.Core.Tests.Status;

public sealed class CiliumStatusTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static JsonObject NodeConfig(string node, params (string Name, string Address, string? State)[] peers) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = node },
        ["spec"] = new JsonObject
        {
            ["bgpInstances"] = new JsonArray(new JsonObject
            {
                ["name"] = "home-ops",
                ["peers"] = new JsonArray([.. peers.Select(p => (JsonNode)new JsonObject { ["name"] = p.Name, ["peerAddress"] = p.Address, ["peerASN"] = 64513 })]),
            }),
        },
        ["status"] = new JsonObject
        {
            ["bgpInstances"] = new JsonArray(new JsonObject
            {
                ["name"] = "home-ops",
                ["peers"] = new JsonArray([.. peers.Where(p => p.State is not null).Select(p => (JsonNode)new JsonObject
                {
                    ["name"] = p.Name, ["peerAddress"] = p.Address, ["peerASN"] = 64513, ["peeringState"] = p.State, ["establishedTime"] = "2026-11-26T09:00:00Z",
                })]),
            }),
        },
    };

    private static JsonObject Pool(string name, int total, int used) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject(),
        ["status"] = new JsonObject
        {
            ["conditions"] = new JsonArray(
                new JsonObject { ["type"] = "cilium.io/IPsTotal", ["status"] = "Unknown", ["reason"] = "noreason", ["message"] = $"{total}" },
                new JsonObject { ["type"] = "cilium.io/IPsAvailable", ["status"] = "Unknown", ["reason"] = "noreason", ["message"] = $"{total - used}" },
                new JsonObject { ["type"] = "cilium.io/IPsUsed", ["status"] = "Unknown", ["reason"] = "noreason", ["message"] = $"{used}" }),
        },
    };

    [Fact]
    public void Evaluate_PeerDownOnEveryNode_OneFindingNamingTheNodes()
    {
        var section = CiliumStatus.Evaluate(
            [NodeConfig("mini01", ("udm", "172.29.51.1", "established"), ("udm-v6", "fd00::1", "active")),
             NodeConfig("mini02", ("udm", "172.29.51.1", "established"), ("udm-v6", "fd00::1", "idle"))],
            [Pool("default", 100, 3)], Now);

        section.Health.ShouldBe(Health.Unhealthy);
        var finding = section.Findings.ShouldHaveSingleItem();
        finding.Code.ShouldBe("HO6110");
        finding.Message.ShouldBe("BGP peer udm-v6 (fd00::1) is not established on 2 of 2 node(s): mini01 (active), mini02 (idle)");
        section.Items.Single(i => i.Name == "bgp/mini01/udm").Detail.ShouldBe("established for 3h, 172.29.51.1 AS 64513");
        section.Items.Single(i => i.Name == "bgp/mini02/udm-v6").Detail.ShouldBe("idle (not established), fd00::1 AS 64513");
        section.Summary.ShouldStartWith("2/4 BGP sessions established on 2 node(s)");
    }

    [Fact]
    public void Evaluate_PeerConfiguredButNotReported_IsDown()
    {
        var section = CiliumStatus.Evaluate([NodeConfig("mini01", ("udm", "172.29.51.1", null))], [], Now);

        section.Items.ShouldHaveSingleItem().Detail.ShouldBe("no session reported by the agent, 172.29.51.1 AS 64513");
        section.Findings.ShouldHaveSingleItem().Message.ShouldContain("mini01 (no session)");
    }

    [Fact]
    public void Evaluate_PoolExhausted_WarningWithAFinding()
    {
        var section = CiliumStatus.Evaluate([], [Pool("ingress", 21, 21), Pool("default", 100, 3)], Now);

        section.Health.ShouldBe(Health.Warning);
        section.Findings.ShouldHaveSingleItem().Code.ShouldBe("HO6112");
        section.Items.Single(i => i.Name == "pool/ingress").Detail.ShouldBe("exhausted: 21 of 21 used, 0 available");
        section.Items.Single(i => i.Name == "pool/default").Health.ShouldBe(Health.Ok);
    }

    [Fact]
    public void Evaluate_AllUp_Ok()
    {
        var section = CiliumStatus.Evaluate([NodeConfig("mini01", ("udm", "172.29.51.1", "established"))], [Pool("default", 100, 3)], Now);

        section.Health.ShouldBe(Health.Ok);
        section.Findings.ShouldBeEmpty();
    }
}
