using HomeOps.Core.Talos.Diff;
using HomeOps.Core.Talos.Documents;
using HomeOps.Testing;

namespace HomeOps.Core.Tests.Talos;

public sealed class ConfigDiffTests
{
    private static readonly HomeOps.Core.Talos.Rendering.RenderedNode Node = TalosTestCluster.Rendered.Nodes[0];

    [Fact]
    public void Compare_SameRender_HasNoChanges()
    {
        ConfigDiff.Compare(Node.Yaml(SecretHandling.Include), Node.Documents).ShouldBeEmpty();
    }

    [Fact]
    public void Compare_ChangedValue_ShowsPathAndValues()
    {
        var old = Node.Yaml(SecretHandling.Include).Replace("vm.dirty_ratio: \"5\"", "vm.dirty_ratio: \"7\"", StringComparison.Ordinal);
        ConfigDiff.Compare(old, Node.Documents).ShouldHaveSingleItem().ToString().ShouldBe("~ machine.sysctls[\"vm.dirty_ratio\"]: \"7\" -> \"5\"");
    }

    [Fact]
    public void Compare_ChangedSecret_IsRedacted()
    {
        var old = Node.Yaml(SecretHandling.Include).Replace(TestSecrets.Bundle.ClusterSecret, "b2xkc2VjcmV0b2xkc2VjcmV0b2xkc2VjcmV0b2xkMTI=", StringComparison.Ordinal);
        var change = ConfigDiff.Compare(old, Node.Documents).ShouldHaveSingleItem();
        change.ToString().ShouldBe("~ cluster.secret: (secret changed)");
        change.ToString().ShouldNotContain("b2xk");
    }

    [Fact]
    public void Compare_NoOldFile_ListsEverythingAsAddedWithSecretsRedacted()
    {
        var changes = ConfigDiff.Compare(null, Node.Documents);
        changes.ShouldAllBe(c => c.Kind == ChangeKind.Added);
        string.Join("\n", changes).ShouldNotContain(TestSecrets.Bundle.TrustdToken);
        changes.ShouldContain(c => c.Path == "UserVolumeConfig/longhorn-ssd:provisioning.maxSize");
    }

    [Fact]
    public void Compare_RemovedKey_IsReported()
    {
        var old = Node.Yaml(SecretHandling.Include).Replace("    sysctls:\n", "    sysctls:\n        vm.swappiness: \"1\"\n", StringComparison.Ordinal);
        ConfigDiff.Compare(old, Node.Documents).ShouldHaveSingleItem().ToString().ShouldBe("- machine.sysctls[\"vm.swappiness\"]: \"1\"");
    }
}
