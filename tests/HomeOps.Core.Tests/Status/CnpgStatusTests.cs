using System.Text.Json.Nodes;
using HomeOps.Core.Status;

namespace HomeOps.Core.Tests.Status;

public sealed class CnpgStatusTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static JsonObject Cluster(string phase = CnpgStatus.HealthyPhase, bool plugin = true, string? serverName = null, bool archiving = true) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = "pg", ["namespace"] = "db" },
        ["spec"] = new JsonObject
        {
            ["instances"] = 3,
            ["plugins"] = plugin
                ? new JsonArray(new JsonObject
                {
                    ["name"] = CnpgStatus.BarmanPlugin,
                    ["parameters"] = serverName is null ? new JsonObject { ["barmanObjectName"] = "store" } : new JsonObject { ["barmanObjectName"] = "store", ["serverName"] = serverName },
                })
                : new JsonArray(),
        },
        ["status"] = new JsonObject
        {
            ["phase"] = phase, ["readyInstances"] = phase == CnpgStatus.HealthyPhase ? 3 : 2, ["currentPrimary"] = "pg-1", ["targetPrimary"] = "pg-1",
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "ContinuousArchiving", ["status"] = archiving ? "True" : "False", ["reason"] = "ContinuousArchivingFailing", ["message"] = archiving ? "Continuous archiving is working" : "unexpected failure invoking barman-cloud-wal-archive: exit status 4" }),
        },
    };

    private static JsonObject Store(string server, string field, string last) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = "store", ["namespace"] = "db" },
        ["status"] = new JsonObject
        {
            ["serverRecoveryWindow"] = new JsonObject { [server] = new JsonObject { ["firstRecoverabilityPoint"] = "2026-10-27T03:00:00Z", [field] = last } },
        },
    };

    [Theory]
    [InlineData("lastSuccussfulBackupTime")] // plugin v0.5.0's CRD (the version the tree pins) spells it so
    [InlineData("lastSuccessfulBackupTime")] // later releases
    public void Evaluate_BackupFromTheObjectStoreWindowOfTheClustersServer(string field)
    {
        var section = CnpgStatus.Evaluate([Cluster()], [Store("pg", field, "2026-11-26T03:00:00Z")], Now);

        section.Health.ShouldBe(Health.Ok);
        section.Items.Single(i => i.Name == "backup/db/pg").Detail.ShouldBe("last backup 9h ago; recovery window from 2026-10-27 03:00 UTC; WAL archiving ok");
        section.Items.Single(i => i.Name == "cluster/db/pg").Detail.ShouldBe("Cluster in healthy state; primary pg-1; 3/3 instance(s) ready");
    }

    [Fact]
    public void Evaluate_ServerNameParameter_ReadsThatServersWindowNotAnother()
    {
        var section = CnpgStatus.Evaluate([Cluster(serverName: "pg-v2")], [Store("pg", "lastSuccessfulBackupTime", "2026-11-26T03:00:00Z")], Now);

        section.Findings.ShouldHaveSingleItem().Message.ShouldBe("db/pg has no recent backup: store reports no successful backup for server pg-v2");
    }

    [Fact]
    public void Evaluate_BackupOlderThanTwoDays_Warning()
    {
        var section = CnpgStatus.Evaluate([Cluster()], [Store("pg", "lastSuccessfulBackupTime", "2026-11-23T03:00:00Z")], Now);

        section.Health.ShouldBe(Health.Warning);
        section.Findings.ShouldHaveSingleItem().Code.ShouldBe("HO6131");
    }

    [Fact]
    public void Evaluate_ArchivingFailsAndPhaseNotHealthy_TwoFindings()
    {
        var section = CnpgStatus.Evaluate([Cluster("Failing over", archiving: false)], [Store("pg", "lastSuccessfulBackupTime", "2026-11-26T03:00:00Z")], Now);

        section.Health.ShouldBe(Health.Unhealthy);
        section.Findings.Select(f => f.Code).ShouldBe(["HO6130", "HO6132"]);
        section.Findings[1].Message.ShouldContain("exit status 4");
    }

    [Fact]
    public void Evaluate_NoPlugin_SaysBackupsAreNotRead()
    {
        var section = CnpgStatus.Evaluate([Cluster(plugin: false)], [], Now);

        section.Items.Single(i => i.Name == "backup/db/pg").Detail.ShouldStartWith("no Barman Cloud plugin");
    }
}
