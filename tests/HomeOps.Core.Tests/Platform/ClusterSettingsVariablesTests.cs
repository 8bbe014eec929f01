using HomeOps.Core.Platform;

namespace HomeOps.Core.Tests.Platform;

public sealed class ClusterSettingsVariablesTests
{
    [Theory]
    [InlineData(16, 32, 24)]
    [InlineData(8, 32, 24)]
    [InlineData(4, 32, 20)]
    [InlineData(24, 32, 26)]
    [InlineData(30, 32, 31)]
    [InlineData(64, 128, 80)]
    [InlineData(104, 128, 120)]
    [InlineData(112, 128, 120)]
    [InlineData(120, 128, 122)]
    public void NodeMaskSize_Prefix_KeepsCiliumsBlockLimit(int prefix, int bits, int expected)
    {
        var mask = ClusterSettingsVariables.NodeMaskSize(prefix, bits);
        mask.ShouldBe(expected);
        (mask - prefix).ShouldBeInRange(1, 16, "Cilium's cluster pool allows at most 2^16 node blocks");
    }

    [Fact]
    public void From_BundledCluster_DerivesEveryValueFromClusterYaml()
    {
        var variables = ClusterSettingsVariables.From(TestClusters.Bundled()).ToDictionary(v => v.Name, v => v.Value);
        variables["CLUSTER_NAME"].ShouldBe("home-ops");
        variables["POD_CIDR_IPV4"].ShouldBe("10.244.0.0/16");
        variables["POD_CIDR_IPV6"].ShouldBe("fd47:25e1:2f96:5120::/64");
        variables["POD_CIDR_IPV6_NODE_MASK"].ShouldBe("80");
        variables["IPV6_ENABLED"].ShouldBe("true");
        variables["UNIFI_CONTROLLER_URL"].ShouldBe("https://172.29.51.1");
        variables["STORAGE_DATA_PATH"].ShouldBe("/var/mnt/longhorn-ssd");
        variables["LONGHORN_BACKUP_TARGET"].ShouldBe("s3://longhorn-backups-home-ops@us-west-2/");
        variables["ONEPASSWORD_VAULT"].ShouldBe("Automation");
        variables["QUOTE"].ShouldBe("\"");
        variables["NODE_INTERFACE"].ShouldBe("enp3s0f0");
        // Without storage.databaseBackup, PostgreSQL's backups go to Longhorn's bucket under postgresql/.
        variables["DATABASE_BACKUP_DESTINATION"].ShouldBe("s3://longhorn-backups-home-ops/postgresql");
        variables["DATABASE_BACKUP_REGION"].ShouldBe("us-west-2");
        variables["DATABASE_BACKUP_ENDPOINT"].ShouldBe(string.Empty);
        variables.Keys.ShouldAllBe(k => System.Text.RegularExpressions.Regex.IsMatch(k, "^[_A-Za-z][_A-Za-z0-9]*$"), "Flux rejects other key names");
    }

    [Fact]
    public void From_Ipv4OnlyCluster_DisablesIpv6()
    {
        var config = TestClusters.Bundled(
            ("    - fd47:25e1:2f96:5120::/64\n", string.Empty),
            ("    - fd47:25e1:2f96:5110::/108\n", string.Empty));
        var variables = ClusterSettingsVariables.From(config).ToDictionary(v => v.Name, v => v.Value);
        variables["IPV6_ENABLED"].ShouldBe("false");
        variables["POD_CIDR_IPV6"].ShouldBe(string.Empty);
    }

    [Fact]
    public void From_ExplicitControllerAndEndpoint_AreUsed()
    {
        var config = TestClusters.Bundled(
            ("  acmeEmail: admin@geoffdavis.com\n", "  acmeEmail: admin@geoffdavis.com\n  unifiController: https://unifi.example.net:8443\n"),
            ("    region: us-west-2\n", "    region: us-west-2\n    path: home-ops/longhorn\n    endpoint: https://minio.example.net:9000\n"));
        var variables = ClusterSettingsVariables.From(config).ToDictionary(v => v.Name, v => v.Value);
        variables["UNIFI_CONTROLLER_URL"].ShouldBe("https://unifi.example.net:8443");
        variables["LONGHORN_BACKUP_TARGET"].ShouldBe("s3://longhorn-backups-home-ops@us-west-2/home-ops/longhorn/");
        variables["LONGHORN_BACKUP_ENDPOINT"].ShouldBe("https://minio.example.net:9000");
        variables["DATABASE_BACKUP_DESTINATION"].ShouldBe("s3://longhorn-backups-home-ops/home-ops/longhorn/postgresql");
        variables["DATABASE_BACKUP_ENDPOINT"].ShouldBe("https://minio.example.net:9000");
    }

    [Fact]
    public void From_ExplicitDatabaseBackup_IsUsedForPostgreSql()
    {
        var config = TestClusters.Bundled(
            ("    region: us-west-2\n", "    region: us-west-2\n  databaseBackup:\n    bucket: pg-backups\n    region: eu-central-1\n    endpoint: https://minio.lan:9000\n"));
        var variables = ClusterSettingsVariables.From(config).ToDictionary(v => v.Name, v => v.Value);
        variables["DATABASE_BACKUP_DESTINATION"].ShouldBe("s3://pg-backups/");
        variables["DATABASE_BACKUP_REGION"].ShouldBe("eu-central-1");
        variables["DATABASE_BACKUP_ENDPOINT"].ShouldBe("https://minio.lan:9000");
        variables["LONGHORN_BACKUP_TARGET"].ShouldBe("s3://longhorn-backups-home-ops@us-west-2/");
    }
}
