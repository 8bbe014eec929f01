using System.Net;
using HomeOps.Core.Networking;

namespace HomeOps.Core.Tests.Networking;

public sealed class IpNetworkTests
{
    [Theory]
    [InlineData("10.244.0.0/16", true)]
    [InlineData("10.244.0.1/16", false)]
    [InlineData("fd47:25e1:2f96:51::/64", true)]
    [InlineData("fd47:25e1:2f96:51:2000::/64", false)]
    [InlineData("fd47:25e1:2f96:52:100::/120", true)]
    [InlineData("0.0.0.0/0", true)]
    public void IsCanonical_DetectsHostBits(string text, bool canonical)
    {
        IpNetwork.TryParse(text, out var network).ShouldBeTrue();
        network.IsCanonical.ShouldBe(canonical);
    }

    [Theory]
    [InlineData("10.0.0.0")]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0/8")]
    [InlineData("10.0.0.0/-1")]
    [InlineData("10.0.0.0/ 8")]
    [InlineData("fd00::/129")]
    [InlineData("/8")]
    [InlineData("garbage")]
    [InlineData("10.0.0.0/8/8")]
    [InlineData("0x0a.0.0.0/8")]
    public void TryParse_Invalid_ReturnsFalse(string text) => IpNetwork.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void Canonical_MasksHostBits()
    {
        IpNetwork.TryParse("fd47:25e1:2f96:51:2000::/64", out var network).ShouldBeTrue();
        network.Canonical.ToString().ShouldBe("fd47:25e1:2f96:51::/64");
    }

    [Fact]
    public void Overlaps_NestedNetworks_AreOverlapping()
    {
        IpNetwork.TryParse("fd47:25e1:2f96:51::/64", out var outer).ShouldBeTrue();
        IpNetwork.TryParse("fd47:25e1:2f96:51:1000::/108", out var inner).ShouldBeTrue();
        outer.Overlaps(inner).ShouldBeTrue();
        inner.Overlaps(outer).ShouldBeTrue();
        outer.Contains(inner).ShouldBeTrue();
    }

    [Fact]
    public void Overlaps_DifferentFamilies_NeverOverlap()
    {
        IpNetwork.TryParse("0.0.0.0/0", out var v4).ShouldBeTrue();
        IpNetwork.TryParse("::/0", out var v6).ShouldBeTrue();
        v4.Overlaps(v6).ShouldBeFalse();
    }

    [Fact]
    public void NetworkAndBroadcast_AreFirstAndLast()
    {
        IpNetwork.TryParse("172.29.51.0/24", out var network).ShouldBeTrue();
        network.NetworkAddress.ShouldBe(IPAddress.Parse("172.29.51.0"));
        network.BroadcastAddress.ShouldBe(IPAddress.Parse("172.29.51.255"));
        network.HostBits.ShouldBe(8);
    }

    [Fact]
    public void IpRange_ContainsAndOverlaps()
    {
        IpRange.TryParse("172.29.52.100-172.29.52.199", out var s, out var e).ShouldBeTrue();
        var range = new IpRange(s, e);
        range.Contains(IPAddress.Parse("172.29.52.150")).ShouldBeTrue();
        range.Contains(IPAddress.Parse("172.29.52.200")).ShouldBeFalse();
        IpRange.TryParse("172.29.52.199-172.29.52.220", out var s2, out var e2).ShouldBeTrue();
        range.Overlaps(new IpRange(s2, e2)).ShouldBeTrue();
    }
}
