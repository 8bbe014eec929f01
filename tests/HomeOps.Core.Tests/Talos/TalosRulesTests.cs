using HomeOps.Core.Talos.Patches;
using HomeOps.Core.Talos.Rules;

namespace HomeOps.Core.Tests.Talos;

/// <summary>Talos's own validation rules beyond one fixture each: sizes as go-humanize reads them, VLAN VIPs, volume keys.</summary>
public sealed class TalosRulesTests
{
    [Theory]
    [InlineData("1TB", 1_000_000_000_000UL)]
    [InlineData("50GiB", 53_687_091_200UL)]
    [InlineData("42 MB", 42_000_000UL)] // go-humanize's own examples (bytes.go:108-109)
    [InlineData("42 mib", 44_040_192UL)]
    [InlineData("1,000", 1_000UL)]
    [InlineData("1.5G", 1_500_000_000UL)]
    [InlineData("1073741824", 1_073_741_824UL)]
    public void ByteSize_ReadsWhatTalosReads(string text, ulong bytes)
    {
        ByteSize.Parse(text, out var reason).ShouldBe(bytes);
        reason.ShouldBeNull();
    }

    [Theory]
    [InlineData("GB")]
    [InlineData("100 gigs")]
    [InlineData("1e3")]
    [InlineData("-1GB")]
    public void ByteSize_RefusesWhatTalosRefuses(string text)
    {
        ByteSize.Parse(text, out var reason).ShouldBeNull();
        reason.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public void VipOnAWorkersVlan_IsRefused()
    {
        var yaml = File.ReadAllText(HomeOps.Testing.RepositoryPaths.ClusterFile).Replace(
            "    address: 172.29.51.13\n    role: controlplane\n",
            "    address: 172.29.51.13\n    role: controlplane\n  - name: mini04\n    address: 172.29.51.14\n    role: worker\n",
            StringComparison.Ordinal);
        var patch = TalosTestCluster.Patch(
            "machine:\n  network:\n    interfaces:\n      - interface: enp3s0f0\n        vlans:\n          - vlanId: 52\n            vip:\n              ip: 172.29.52.10\n",
            PatchScope.Worker, path: "talos/patches/worker/vlan.yaml");
        var result = TalosTestCluster.Render(TalosTestCluster.Config(yaml), [.. TalosTestCluster.RepositoryPatches(), patch], withSecrets: false);
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("HO2230");
        diagnostic.Message.ShouldContain("VLAN 52 of enp3s0f0");
        diagnostic.Location.Line.ShouldBe(7);
    }

    [Fact]
    public void VipOnAControlPlane_IsAllowed()
    {
        TalosTestCluster.Rendered.Nodes.ShouldAllBe(n => n.Main.At("machine.network.interfaces") != null);
        TalosTestCluster.Rendered.Diagnostics.ShouldNotContain(d => d.Code == "HO2230");
    }

    [Fact]
    public void UserVolumeKeysInOneSlot_AreRefused()
    {
        var patch = TalosTestCluster.Patch(
            "apiVersion: v1alpha1\nkind: UserVolumeConfig\nname: longhorn-ssd\nencryption:\n  provider: luks2\n  keys:\n    - nodeID: {}\n    - tpm: {}\n      slot: 0\n");
        var result = TalosTestCluster.Render(patches: [.. TalosTestCluster.RepositoryPatches(), patch], withSecrets: false);
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("HO2232");
        diagnostic.Message.ShouldBe("UserVolumeConfig 'longhorn-ssd' encryption: key slot 0 is used by more than one key");
        diagnostic.Location.Line.ShouldBe(9);
    }

    [Fact]
    public void KmsgLogUrlWithAPath_IsRefused()
    {
        var patch = TalosTestCluster.Patch("apiVersion: v1alpha1\nkind: KmsgLogConfig\nname: collector\nurl: udp://172.29.51.1:514/kmsg\n");
        var diagnostic = TalosTestCluster.Render(patches: [.. TalosTestCluster.RepositoryPatches(), patch], withSecrets: false).Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("HO2244");
        diagnostic.Message.ShouldContain("has a path (/kmsg)");
    }
}
