using System.Text.Json.Nodes;
using HomeOps.Core.Status;

namespace HomeOps.Core.Tests.Status;

/// <summary>
/// Replication as a CloudNativePG primary reports it on GET /pg/status (cloudnative-pg v1.27.1 pkg/postgres/status.go),
/// and how the CNPG section judges it with the tree's alert thresholds (30 s warning, 5 min critical).
/// </summary>
public sealed class CnpgReplicationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("00:00:00", 0)]
    [InlineData("00:00:00.000612", 0.000612)]
    [InlineData("00:00:31.5", 31.5)]
    [InlineData("-00:00:01", -1)]
    [InlineData("01:02:03", 3723)]
    [InlineData("1 day 00:00:01", 86401)]
    [InlineData("2 days", 172800)]
    [InlineData("1 mon 1 day", 31 * 86400)]
    public void ParseInterval_PostgresOutputStyle(string text, double seconds) =>
        CnpgReplication.ParseInterval(text)!.Value.TotalSeconds.ShouldBe(seconds, 1e-6);

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("1 fortnight")]
    [InlineData("00:61")]
    [InlineData("00:00:01 extra")]
    public void ParseInterval_NotAnInterval_Null(string text) => CnpgReplication.ParseInterval(text).ShouldBeNull();

    [Fact]
    public void Parse_PrimaryWithStandbys_ReadsEachRow()
    {
        var reading = CnpgReplication.Parse("pod db/pg-1:8000", Primary(("pg-2", "streaming", "00:00:00.25"), ("pg-3", "catchup", "00:02:00")));

        reading.Error.ShouldBeNull();
        reading.Standbys.Select(s => (s.Name, s.State, s.ReplayLag)).ShouldBe([("pg-2", "streaming", TimeSpan.FromMilliseconds(250)), ("pg-3", "catchup", TimeSpan.FromMinutes(2))]);
    }

    [Theory]
    [InlineData("""{"isPrimary":false}""", "the instance answered as a standby (a switchover in progress?)")]
    [InlineData("""{"systemID":"1"}""", "the answer is not the instance manager's status JSON (no isPrimary)")]
    [InlineData("<html>", "the answer is not the instance manager's status JSON")]
    public void Parse_NotAPrimarysStatus_SaysWhy(string body, string error) =>
        CnpgReplication.Parse("pod db/pg-1:8000", body).Error!.ShouldStartWith(error);

    [Fact]
    public void Evaluate_StandbysStreamingWithinThreshold_Ok()
    {
        var section = Evaluate(Primary(("pg-2", "streaming", "00:00:00.25"), ("pg-3", "streaming", "00:00:01.5")));

        section.Findings.ShouldBeEmpty();
        var item = section.Items.Single(i => i.Name == "replication/db/pg");
        item.Health.ShouldBe(Health.Ok);
        item.Detail.ShouldBe("replication: 2/2 standby(s) streaming; replay lag pg-2 0.25s, pg-3 1.5s");
    }

    [Theory]
    [InlineData("00:00:45", Health.Warning)]
    [InlineData("00:06:00", Health.Unhealthy)]
    public void Evaluate_ReplayLagAboveTheAlertThresholds(string lag, Health health)
    {
        var section = Evaluate(Primary(("pg-2", "streaming", "00:00:00.1"), ("pg-3", "streaming", lag)));

        var finding = section.Findings.ShouldHaveSingleItem();
        finding.Code.ShouldBe("HO6133");
        finding.Health.ShouldBe(health);
        finding.Message.ShouldStartWith($"db/pg: standby pg-3 replays {(health == Health.Warning ? "45s" : "6m")} behind the primary");
        section.Items.Single(i => i.Name == "replication/db/pg").Health.ShouldBe(health);
    }

    [Fact]
    public void Evaluate_StandbyMissingOrCatchingUp_NamesIt()
    {
        var section = Evaluate(Primary(("pg-3", "catchup", "00:00:00")));

        var finding = section.Findings.ShouldHaveSingleItem();
        finding.Code.ShouldBe("HO6134");
        finding.Message.ShouldBe("db/pg: 0 of 2 standby(s) stream from the primary; not streaming: pg-2 (not connected), pg-3 (catchup)");
    }

    [Fact]
    public void Evaluate_StandbyTheOperatorReportsFailed_NotASecondLine()
    {
        var cluster = Cluster();
        cluster["status"]!["instancesStatus"] = new JsonObject { ["healthy"] = new JsonArray("pg-1", "pg-2"), ["failed"] = new JsonArray("pg-3") };

        var section = CnpgStatus.Evaluate([cluster], [], Now, new Dictionary<string, ReplicationReading> { ["db/pg"] = CnpgReplication.Parse("pod db/pg-1:8000", Primary(("pg-2", "streaming", "00:00:00"))) });

        section.Findings.ShouldNotContain(f => f.Code == "HO6134");
        section.Items.Single(i => i.Name == "replication/db/pg").Detail.ShouldBe("replication: 1/2 standby(s) streaming; replay lag pg-2 0s; pg-3 not running");
    }

    [Fact]
    public void Evaluate_NotRead_UnknownNotUnhealthy()
    {
        var section = CnpgStatus.Evaluate([Cluster()], [], Now, new Dictionary<string, ReplicationReading> { ["db/pg"] = ReplicationReading.Failed("pod db/pg-1:8000", "forbidden") });

        var finding = section.Findings.Single(f => f.Code == "HO6135");
        finding.Health.ShouldBe(Health.Unknown);
        finding.Message.ShouldBe("db/pg: replication lag not read from pod db/pg-1:8000: forbidden");
    }

    [Fact]
    public void Evaluate_NoReading_NoReplicationLine() =>
        CnpgStatus.Evaluate([Cluster()], [], Now).Items.ShouldNotContain(i => i.Name.StartsWith("replication/", StringComparison.Ordinal));

    private static StatusSection Evaluate(string primaryStatus) =>
        CnpgStatus.Evaluate([Cluster()], [], Now, new Dictionary<string, ReplicationReading> { ["db/pg"] = CnpgReplication.Parse("pod db/pg-1:8000", primaryStatus) });

    private static string Primary(params (string Name, string State, string ReplayLag)[] standbys)
    {
        var rows = new JsonArray([.. standbys.Select(s => (JsonNode)new JsonObject
        {
            ["applicationName"] = s.Name, ["state"] = s.State, ["writeLag"] = "00:00:00", ["flushLag"] = "00:00:00", ["replayLag"] = s.ReplayLag, ["syncState"] = "async",
        })]);
        return new JsonObject { ["isPrimary"] = true, ["systemID"] = "7400000000000000001", ["replicationInfo"] = rows }.ToJsonString();
    }

    private static JsonObject Cluster() => new()
    {
        ["metadata"] = new JsonObject { ["name"] = "pg", ["namespace"] = "db" },
        ["spec"] = new JsonObject { ["instances"] = 3 },
        ["status"] = new JsonObject
        {
            ["phase"] = CnpgStatus.HealthyPhase, ["readyInstances"] = 3, ["currentPrimary"] = "pg-1",
            ["instanceNames"] = new JsonArray("pg-1", "pg-2", "pg-3"),
        },
    };
}
