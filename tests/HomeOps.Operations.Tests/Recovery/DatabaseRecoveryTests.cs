using System.Text.Json.Nodes;
using HomeOps.Operations.Recovery.Backup;
using HomeOps.Operations.Recovery.Rebuild;

namespace HomeOps.Operations.Tests.Recovery;

/// <summary>The recovery a rebuild generates for a CloudNativePG Cluster from the tree's Cluster and the backup manifest.</summary>
public sealed class DatabaseRecoveryTests
{
    private static readonly BackupManifest.DatabaseBackup s_backup = new("postgresql-system", "postgresql-cluster", "b", "plugin", "postgresql-cluster-backup", "postgresql-cluster", "id", null);

    [Theory]
    [InlineData("postgresql-cluster", "postgresql-cluster-2")]
    [InlineData("postgresql-cluster-2", "postgresql-cluster-3")]
    [InlineData("pg-9", "pg-10")]
    [InlineData("db16", "db16-2")]
    public void NextServerName_AnyName_AnotherName(string old, string expected)
    {
        DatabaseRecovery.NextServerName(old).ShouldBe(expected);
        DatabaseRecovery.NextServerName(old).ShouldNotBe(old);
    }

    [Fact]
    public void Generate_TreeClusterWithThePluginSecond_PatchesThatEntryAndRecoversFromTheOldServerName()
    {
        var cluster = JsonNode.Parse("""
            {"spec": {"bootstrap": {"initdb": {"database": "app"}},
              "plugins": [{"name": "other"}, {"name": "barman-cloud.cloudnative-pg.io", "parameters": {"barmanObjectName": "postgresql-cluster-backup"}}]}}
            """)!.AsObject();

        var (recovery, problem) = DatabaseRecovery.Generate(s_backup, cluster);

        problem.ShouldBeNull();
        var patched = HomeOps.Fakes.Controllers.FluxController.Render(
            new JsonObject { ["spec"] = new JsonObject { ["patches"] = new JsonArray(recovery!.KustomizationPatch()) } },
            JsonNode.Parse("""{"apiVersion": "postgresql.cnpg.io/v1", "kind": "Cluster", "metadata": {"name": "postgresql-cluster", "namespace": "postgresql-system"}}""")!.AsObject()
                .Merge(cluster));
        patched["spec"]!["bootstrap"]!.ToJsonString().ShouldBe("""{"recovery":{"source":"postgresql-cluster"}}""");
        patched["spec"]!["plugins"]![1]!["parameters"]!["serverName"]!.GetValue<string>().ShouldBe("postgresql-cluster-2");
        patched["spec"]!["externalClusters"]![0]!["plugin"]!["parameters"]!.ToJsonString().ShouldBe("""{"barmanObjectName":"postgresql-cluster-backup","serverName":"postgresql-cluster"}""");
    }

    [Fact]
    public void Generate_BackupNotTakenWithThePlugin_SaysWhy()
    {
        var (recovery, problem) = DatabaseRecovery.Generate(s_backup with { Method = "barmanObjectStore" }, new JsonObject());

        recovery.ShouldBeNull();
        problem.ShouldNotBeNull().ShouldContain("barmanObjectStore");
    }
}

internal static class JsonMergeExtensions
{
    public static JsonObject Merge(this JsonObject target, JsonObject source)
    {
        foreach (var (key, value) in source)
        {
            target[key] = value?.DeepClone();
        }

        return target;
    }
}
