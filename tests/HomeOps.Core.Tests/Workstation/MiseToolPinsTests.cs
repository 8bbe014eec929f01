using HomeOps.Core.Workstation;
using HomeOps.Testing;

namespace HomeOps.Core.Tests.Workstation;

public sealed class MiseToolPinsTests
{
    [Fact]
    public void Parse_TheRepositorysMiseToml_ReadsBareAndQuotedKeys()
    {
        var pins = MiseToolPins.Parse(File.ReadAllText(RepositoryPaths.Combine(".mise.toml")));
        pins["helm"].ShouldStartWith("3.");
        pins["aqua:siderolabs/talos"].ShouldBe(HomeOps.Core.ClusterConfig.ClusterConfigLoader.Load(File.ReadAllText(RepositoryPaths.ClusterFile), "cluster.yaml").Config!.Cluster.TalosVersion.TrimStart('v'));
        pins.ShouldContainKey("aqua:1password/cli");
    }

    [Fact]
    public void Parse_OnlyTheToolsTable_AndOnlyOneQuotedVersion()
    {
        var pins = MiseToolPins.Parse("[env]\nhelm = \"9.9.9\"\n[tools]\n# comment\nhelm = \"3.16.1\" # pinned\nnode = [\"20\", \"22\"]\n\"aqua:x/y\" = \"1.2.3\"\n[settings]\nz = \"1\"\n");
        pins.ShouldBe(new Dictionary<string, string> { ["helm"] = "3.16.1", ["aqua:x/y"] = "1.2.3" });
    }

    [Theory]
    [InlineData("3.16.1", "3.16.1", true)]
    [InlineData("3.16.1", "v3.16.1", true)]
    [InlineData("3.16.2", "3.16.1", false)]
    [InlineData("1.10.5", "1.10", false)]
    public void SameRelease_ComparesMajorMinorPatch(string found, string pin, bool same) =>
        MiseToolPins.SameRelease(Version.Parse(found), pin).ShouldBe(same);
}
