using HomeOps.Core.Status;

namespace HomeOps.Core.Tests.Status;

/// <summary>talosctl's tables and JSON streams as v1.10.5 prints them (see <see cref="TalosOutput"/> for the upstream lines).</summary>
public sealed class TalosOutputTests
{
    [Fact]
    public void Table_EtcdStatusWithEmptyAndMultiWordCells_CutAtHeaderColumns()
    {
        const string output =
            "NODE           MEMBER             DB SIZE   IN USE            LEADER             RAFT INDEX   RAFT TERM   RAFT APPLIED INDEX   LEARNER   ERRORS\n" +
            "172.29.51.11   3a6f1c2d5e4b0001   31 MB     15 MB (48.39%)    3a6f1c2d5e4b0001   1948213      7           1948213              false     \n" +
            "172.29.51.13   3a6f1c2d5e4b0003   31 MB     15 MB (48.39%)    3a6f1c2d5e4b0001   1948213      7           1948213              false     etcdserver: mvcc: database space exceeded\n";

        var rows = TalosOutput.Table(output);

        rows.Count.ShouldBe(2);
        rows[0]["IN USE"].ShouldBe("15 MB (48.39%)");
        rows[0]["ERRORS"].ShouldBeEmpty();
        rows[1]["NODE"].ShouldBe("172.29.51.13");
        rows[1]["ERRORS"].ShouldBe("etcdserver: mvcc: database space exceeded");
    }

    [Fact]
    public void Table_NoAlarms_NoRows() => TalosOutput.Table(string.Empty).ShouldBeEmpty();

    [Fact]
    public void JsonObjects_ConcatenatedIndentedObjects_ReadsEach()
    {
        const string output = "{\n    \"node\": \"a\",\n    \"spec\": {\"phase\": \"ready\"}\n}\n{\n    \"node\": \"b\"\n}\n";

        var objects = TalosOutput.JsonObjects(output);

        objects.Select(o => o["node"]!.GetValue<string>()).ShouldBe(["a", "b"]);
    }

    [Fact]
    public void Evaluate_SkewedVersions_Warns()
    {
        var nodes = new[] { new TalosNode("a", "10.0.0.1", true), new TalosNode("b", "10.0.0.2", false) };
        var readings = new TalosReadings(
            TalosAnswer.Ok("talosctl version", """{"metadata":{"hostname":"10.0.0.1"},"version":{"tag":"v1.10.5"}}{"metadata":{"hostname":"10.0.0.2"},"version":{"tag":"v1.10.4"}}"""),
            TalosAnswer.Ok("talosctl etcd status", "NODE       MEMBER   DB SIZE   IN USE      LEADER   RAFT INDEX   RAFT TERM   RAFT APPLIED INDEX   LEARNER   ERRORS\n10.0.0.1   aa       1 MB      1 MB (1%)   aa       1            1           1                    false     \n"),
            TalosAnswer.Ok("talosctl etcd alarm list", string.Empty),
            TalosAnswer.Ok("talosctl get volumestatus", string.Empty));

        var section = TalosStatus.Evaluate(nodes, readings, "v1.10.5");

        section.Health.ShouldBe(Health.Warning);
        section.Findings.ShouldHaveSingleItem().Message.ShouldBe("Nodes run different Talos versions: a v1.10.5, b v1.10.4; cluster.yaml asks for v1.10.5");
    }
}
