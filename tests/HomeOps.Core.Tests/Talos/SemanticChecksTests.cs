using HomeOps.Core.Talos.Patches;
using HomeOps.Testing;

namespace HomeOps.Core.Tests.Talos;

public sealed class SemanticChecksTests
{
    private static IReadOnlyList<HomeOps.Core.Diagnostics.Diagnostic> With(string patch, string path = "talos/patches/all/z.yaml") =>
        TalosTestCluster.Render(patches: [.. TalosTestCluster.RepositoryPatches(), TalosTestCluster.Patch(patch, path: path)], withSecrets: false).Diagnostics;

    [Fact]
    public void VipOutsideNodeNetwork_IsReportedAtThePatch()
    {
        var diagnostics = With("machine:\n  network:\n    interfaces:\n      - interface: enp3s0f0\n        vip:\n          ip: 10.0.0.10\n");
        diagnostics.ShouldContain(d => d.Code == "HO2211" && d.Location.Line == 6);
    }

    [Fact]
    public void InstallerFromAnotherVersion_IsAMismatch()
    {
        var diagnostics = With("machine:\n  install:\n    image: ghcr.io/siderolabs/installer:v1.10.4\n");
        diagnostics.ShouldContain(d => d.Code == "HO2213" && d.Message.Contains("v1.10.4") && d.Location.Line == 3);
    }

    [Fact]
    public void KubeletFromAnotherVersion_IsAMismatch()
    {
        With("machine:\n  kubelet:\n    image: ghcr.io/siderolabs/kubelet:v1.32.0\n").ShouldContain(d => d.Code == "HO2213" && d.Message.Contains("kubernetesVersion"));
    }

    [Fact]
    public void InstallDiskRemoved_IsReported()
    {
        With("machine:\n  install:\n    diskSelector:\n      $patch: delete\n").ShouldContain(d => d.Code == "HO2212");
    }

    [Fact]
    public void WithoutTheNetworkPatch_CniAndKubeProxyAreReported()
    {
        var patches = TalosTestCluster.RepositoryPatches().Where(p => !p.Path.EndsWith("cluster-network.yaml", StringComparison.Ordinal)).ToList();
        var codes = TalosTestCluster.Render(patches: patches, withSecrets: false).Diagnostics.Select(d => d.Code).Distinct();
        codes.ShouldBe(["HO2214", "HO2215"], ignoreOrder: true);
    }

    [Fact]
    public void ExtensionServiceWithoutExtension_IsAWarning()
    {
        var yaml = File.ReadAllText(RepositoryPaths.ClusterFile).Replace("    - siderolabs/lldpd\n", string.Empty, StringComparison.Ordinal);
        var result = TalosTestCluster.Render(TalosTestCluster.Config(yaml), withSecrets: false);
        result.Diagnostics.ShouldContain(d => d.Code == "HO2216" && d.Location.Path == "talos/patches/all/lldpd.yaml");
    }

    [Fact]
    public void KubernetesRegistryOnNewKubernetes_IsAWarning()
    {
        var yaml = File.ReadAllText(RepositoryPaths.ClusterFile).Replace("kubernetesVersion: v1.31.1", "kubernetesVersion: v1.32.3", StringComparison.Ordinal);
        var result = TalosTestCluster.Render(TalosTestCluster.Config(yaml), withSecrets: false);
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("HO2217");
        diagnostic.Location.Path.ShouldBe("talos/patches/all/discovery.yaml");
    }

    [Fact]
    public void StaticAddressing_WritesAddressAndDefaultRoute()
    {
        var yaml = File.ReadAllText(RepositoryPaths.ClusterFile).Replace("  interface: enp3s0f0\n", "  interface: enp3s0f0\n  addressing: static\n", StringComparison.Ordinal);
        var result = TalosTestCluster.Render(TalosTestCluster.Config(yaml), withSecrets: false);
        result.Diagnostics.ShouldBeEmpty();
        var device = SeedSettingsTests.Text(result.Nodes[1].Main.At("machine.network.interfaces"));
        device.ShouldContain("addresses: [172.29.51.12/24]");
        device.ShouldContain("{network: 0.0.0.0/0, gateway: 172.29.51.1}");
        device.ShouldNotContain("dhcp");
    }
}
