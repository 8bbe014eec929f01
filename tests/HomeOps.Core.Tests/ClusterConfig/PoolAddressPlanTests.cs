using HomeOps.Core.ClusterConfig;
using HomeOps.Testing;

namespace HomeOps.Core.Tests.ClusterConfig;

/// <summary>
/// Pools against the address plan (HO1140, HO1141): the failing cases are fixtures in Fixtures/ClusterConfig/invalid;
/// these are the passing ones at the edges, on the bundled cluster.yaml with one pool changed.
/// </summary>
public sealed class PoolAddressPlanTests
{
    private const string ReservedPool = "      range: 172.29.52.50-172.29.52.99\n";

    private static IReadOnlyList<string> Codes(string replacement)
    {
        var text = File.ReadAllText(RepositoryPaths.ClusterFile);
        text.ShouldContain(ReservedPool);
        var result = ClusterConfigLoader.Load(text.Replace(ReservedPool, replacement, StringComparison.Ordinal), "cluster.yaml");
        return [.. result.Diagnostics.Select(d => d.Code)];
    }

    [Theory]
    [InlineData("      range: 10.0.0.0-10.0.0.255\n")]
    [InlineData("      range: 192.168.255.0-192.168.255.255\n")]
    [InlineData("      cidr: 172.31.255.0/24\n")]
    public void Validate_PrivatePoolAsLargeAsTheNodeNetwork_IsClean(string pool) => Codes(pool).ShouldBeEmpty();

    [Fact]
    public void Validate_PublicPoolWithAllowPublic_IsClean() =>
        Codes("      range: 203.0.113.8-203.0.113.15\n      allowPublic: true\n").ShouldBeEmpty();

    [Fact]
    public void Validate_RangeStraddlingTwoPrivateNetworks_IsNotPrivate() =>
        Codes("      range: 172.31.255.250-172.32.0.5\n").ShouldBe(["HO1140"]);

    [Fact]
    public void Validate_PoolOneAddressLargerThanTheNodeNetwork_Warns() =>
        Codes("      range: 10.0.0.0-10.0.1.0\n").ShouldBe(["HO1141"]);

    [Fact]
    public void Validate_AllowPublicDoesNotExcuseSize() =>
        Codes("      range: 1.1.1.1-2.2.2.2\n      allowPublic: true\n").ShouldBe(["HO1141"]);
}
