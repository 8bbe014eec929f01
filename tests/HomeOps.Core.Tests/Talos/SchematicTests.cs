using HomeOps.Core.Talos.Schematics;

namespace HomeOps.Core.Tests.Talos;

/// <summary>Schematic IDs against the Image Factory's own values (siderolabs/image-factory pkg/schematic tests and published IDs).</summary>
public sealed class SchematicTests
{
    [Fact]
    public void Id_NoCustomization_IsTheFactoryVanillaId()
    {
        Schematic.Vanilla.Yaml.ShouldBe("customization: {}\n");
        Schematic.Vanilla.Id.ShouldBe("376567988ad370138ad8b2698212367b8edcb69b5fd68c80be1f2ec7d603b4ba");
    }

    [Fact]
    public void Id_IscsiTools_IsThePublishedId()
    {
        new Schematic(["siderolabs/iscsi-tools"], []).Id.ShouldBe("c9078f9419961640c712a8bf2bb9174933dfcf1da383fd8ea2b7dc21493f8bac");
    }

    [Fact]
    public void Id_IscsiAndUtilLinux_IsTheFactoryTestVector()
    {
        var schematic = new Schematic(["siderolabs/iscsi-tools", "siderolabs/util-linux-tools"], []);
        schematic.Yaml.ShouldBe("customization:\n    systemExtensions:\n        officialExtensions:\n            - siderolabs/iscsi-tools\n            - siderolabs/util-linux-tools\n");
        schematic.Id.ShouldBe("613e1592b2da41ae5e265e8789429f22e121aab91cb4deb6bc3c0b6262961245");
    }

    [Fact]
    public void Id_ExtraKernelArgs_MatchesTheFactoryTestVector()
    {
        new Schematic([], ["noapic", "nolapic"]).Id.ShouldStartWith("9cba8e32");
    }

    [Fact]
    public void Id_ExtensionOrder_ChangesTheId()
    {
        new Schematic(["siderolabs/util-linux-tools", "siderolabs/iscsi-tools"], []).Id
            .ShouldNotBe(new Schematic(["siderolabs/iscsi-tools", "siderolabs/util-linux-tools"], []).Id);
    }

    [Fact]
    public void Id_SeedExtensions_IsStable()
    {
        new Schematic(["siderolabs/iscsi-tools", "siderolabs/lldpd", "siderolabs/usb-modem-drivers", "siderolabs/thunderbolt"], []).Id
            .ShouldBe("046889043a3a6b4df4d2b999d8cf2b9ac013aae7cbda98f8b53b99ac226cf0f3");
    }

    [Theory]
    [InlineData("v1.10.5", "factory.talos.dev/metal-installer/376567988ad370138ad8b2698212367b8edcb69b5fd68c80be1f2ec7d603b4ba:v1.10.5")]
    [InlineData("v1.9.6", "factory.talos.dev/installer/376567988ad370138ad8b2698212367b8edcb69b5fd68c80be1f2ec7d603b4ba:v1.9.6")]
    public void InstallerImage_DependsOnTalosVersion(string version, string expected)
    {
        Schematic.Vanilla.InstallerImage(version).ShouldBe(expected);
    }

    [Fact]
    public void IsoUrl_IsTheFactoryImagePath()
    {
        Schematic.Vanilla.IsoUrl("v1.10.5").ShouldBe("https://factory.talos.dev/image/376567988ad370138ad8b2698212367b8edcb69b5fd68c80be1f2ec7d603b4ba/v1.10.5/metal-amd64.iso");
    }
}
