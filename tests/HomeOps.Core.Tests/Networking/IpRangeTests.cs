using System.Net;
using HomeOps.Core.Networking;

namespace HomeOps.Core.Tests.Networking;

public sealed class IpRangeTests
{
    [Theory]
    [InlineData("172.29.52.100", "172.29.52.199", "172.29.52.100/30 172.29.52.104/29 172.29.52.112/28 172.29.52.128/26 172.29.52.192/29")]
    [InlineData("172.29.52.200", "172.29.52.220", "172.29.52.200/29 172.29.52.208/29 172.29.52.216/30 172.29.52.220/32")]
    [InlineData("172.29.52.50", "172.29.52.99", "172.29.52.50/31 172.29.52.52/30 172.29.52.56/29 172.29.52.64/27 172.29.52.96/30")]
    [InlineData("10.0.0.0", "10.0.0.255", "10.0.0.0/24")]
    [InlineData("10.0.0.7", "10.0.0.7", "10.0.0.7/32")]
    [InlineData("0.0.0.0", "255.255.255.255", "0.0.0.0/0")]
    [InlineData("255.255.255.254", "255.255.255.255", "255.255.255.254/31")]
    [InlineData("fd47:25e1:2f96:52:100::", "fd47:25e1:2f96:52:100::ff", "fd47:25e1:2f96:52:100::/120")]
    [InlineData("::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "::/0")]
    [InlineData("fd00::1", "fd00::2", "fd00::1/128 fd00::2/128")]
    public void ToNetworks_Range_GivesTheFewestCoveringBlocks(string start, string end, string expected)
    {
        var range = new IpRange(IPAddress.Parse(start), IPAddress.Parse(end));
        string.Join(' ', range.ToNetworks()).ShouldBe(expected);
    }

    [Fact]
    public void ToNetworks_EveryAddressCoveredExactlyOnce()
    {
        var random = new Random(4242);
        for (var i = 0; i < 200; i++)
        {
            var a = (uint)random.Next(0, 4096);
            var b = (uint)random.Next(0, 4096);
            var (first, last) = (Math.Min(a, b), Math.Max(a, b));
            var range = new IpRange(Address(first), Address(last));
            var blocks = range.ToNetworks();
            blocks.Sum(n => (long)(n.Last - n.First + 1)).ShouldBe(last - first + 1);
            blocks.ShouldAllBe(n => n.IsCanonical && n.First >= range.First && n.Last <= range.Last);
            blocks.Zip(blocks.Skip(1)).ShouldAllBe(p => p.First.Last + 1 == p.Second.First);
        }
    }

    [Fact]
    public void ToNetworks_ReversedRange_IsEmpty() =>
        new IpRange(IPAddress.Parse("10.0.0.9"), IPAddress.Parse("10.0.0.1")).ToNetworks().ShouldBeEmpty();

    private static IPAddress Address(uint offset) => IpAddressMath.FromNumber(IpAddressMath.ToNumber(IPAddress.Parse("10.1.0.0")) + offset, System.Net.Sockets.AddressFamily.InterNetwork);
}
