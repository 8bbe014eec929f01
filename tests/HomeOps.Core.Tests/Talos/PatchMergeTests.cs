using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Talos.Documents;
using HomeOps.Core.Talos.Patches;
using HomeOps.Core.Talos.Rendering;


namespace HomeOps.Core.Tests.Talos;

/// <summary>Patch layering and Talos strategic-merge semantics, and diagnostics that point into the patch file.</summary>
public sealed class PatchMergeTests
{
    private static RenderedNode Node(TalosRenderResult result, string name = "mini01") => result.Nodes.Single(n => n.Node.Name == name);

    private static TalosRenderResult RenderWith(params TalosPatch[] extra) =>
        TalosTestCluster.Render(patches: [.. TalosTestCluster.RepositoryPatches(), .. extra], withSecrets: false);

    [Fact]
    public void Layers_AllThenRoleThenNode_LaterWins()
    {
        var result = RenderWith(
            TalosTestCluster.Patch("machine:\n  sysctls:\n    vm.swappiness: \"10\"\n", PatchScope.All),
            TalosTestCluster.Patch("machine:\n  sysctls:\n    vm.swappiness: \"20\"\n", PatchScope.ControlPlane, path: "talos/patches/controlplane/test.yaml"),
            TalosTestCluster.Patch("machine:\n  sysctls:\n    vm.swappiness: \"30\"\n", PatchScope.Node, "mini02", "talos/patches/nodes/mini02/test.yaml"),
            TalosTestCluster.Patch("machine:\n  sysctls:\n    vm.swappiness: \"40\"\n", PatchScope.Worker, path: "talos/patches/worker/test.yaml"));
        result.Diagnostics.ShouldBeEmpty();
        SeedSettingsTests.Text(Node(result, "mini01").Main.At("machine.sysctls")).ShouldContain("vm.swappiness: 20");
        SeedSettingsTests.Text(Node(result, "mini02").Main.At("machine.sysctls")).ShouldContain("vm.swappiness: 30");
    }

    [Fact]
    public void Layers_AreAppliedInGivenOrderRegardlessOfListOrder()
    {
        var node = new NodeSettings { Name = "mini02", Role = NodeRole.ControlPlane };
        var patches = new[]
        {
            TalosTestCluster.Patch("machine: {}\n", PatchScope.Node, "mini02", "n.yaml"),
            TalosTestCluster.Patch("machine: {}\n", PatchScope.Worker, path: "w.yaml"),
            TalosTestCluster.Patch("machine: {}\n", PatchScope.ControlPlane, path: "c.yaml"),
            TalosTestCluster.Patch("machine: {}\n", PatchScope.All, path: "a.yaml"),
        };
        TalosRenderer.Applicable(patches, node).Select(p => p.Path).ShouldBe(["a.yaml", "c.yaml", "n.yaml"]);
    }

    [Fact]
    public void Lists_AreAppendedExceptSubnetsWhichAreReplaced()
    {
        var result = RenderWith(TalosTestCluster.Patch("machine:\n  certSANs:\n    - mini.example.com\ncluster:\n  network:\n    podSubnets:\n      - 10.250.0.0/16\n"));
        SeedSettingsTests.Text(Node(result).Main.At("machine.certSANs")).ShouldBe("[mini.example.com]");
        SeedSettingsTests.Text(Node(result).Main.At("cluster.network.podSubnets")).ShouldBe("[10.250.0.0/16]");
        // Replacing a cluster.yaml value from a patch is allowed but reported.
        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("HO2104");
    }

    [Fact]
    public void AdmissionControl_MergesByName()
    {
        var result = RenderWith(TalosTestCluster.Patch("cluster:\n  apiServer:\n    admissionControl:\n      - name: PodSecurity\n        configuration:\n          defaults:\n            enforce: restricted\n", PatchScope.ControlPlane, path: "talos/patches/controlplane/z.yaml"));
        var list = (DocList)Node(result).Main.At("cluster.apiServer.admissionControl")!;
        var entry = (DocMap)list.Items.ShouldHaveSingleItem();
        SeedSettingsTests.Text(entry.At("configuration.defaults.enforce")).ShouldBe("restricted");
        SeedSettingsTests.Text(entry.At("configuration.defaults.audit")).ShouldBe("restricted");
    }

    [Fact]
    public void Interfaces_MergeByInterfaceName()
    {
        var result = RenderWith(TalosTestCluster.Patch("machine:\n  network:\n    interfaces:\n      - interface: enp3s0f0\n        mtu: 9000\n"));
        var device = (DocMap)((DocList)Node(result).Main.At("machine.network.interfaces")!).Items.ShouldHaveSingleItem();
        SeedSettingsTests.Text(device["mtu"]).ShouldBe("9000");
        SeedSettingsTests.Text(device.At("vip.ip")).ShouldBe("172.29.51.10");
    }

    [Fact]
    public void Delete_RemovesKeyListItemAndDocument()
    {
        var result = RenderWith(TalosTestCluster.Patch(
            "machine:\n  nodeLabels:\n    $patch: delete\n  udev:\n    rules:\n      - $patch: delete\n---\napiVersion: v1alpha1\nkind: ExtensionServiceConfig\nname: lldpd\n$patch: delete\n",
            path: "talos/patches/all/zz.yaml"));
        var main = Node(result).Main;
        main.At("machine.nodeLabels").ShouldBeNull();
        Node(result).Documents.Select(TalosDocument.Identity).ShouldBe(["v1alpha1", "UserVolumeConfig/longhorn-ssd", "KmsgLogConfig/kernel-logging"]);
        // An item with only '$patch: delete' names no item to delete: reported, nothing removed.
        result.Diagnostics.ShouldContain(d => d.Code == "HO2107" && d.Location.Line == 6);
        ((DocList)main.At("machine.udev.rules")!).Items.Count.ShouldBe(2);
    }

    [Fact]
    public void Delete_ListItemByFirstKey()
    {
        var result = RenderWith(TalosTestCluster.Patch("machine:\n  network:\n    interfaces:\n      - interface: enp3s0f0\n        $patch: delete\n"));
        Node(result).Main.At("machine.network.interfaces").ShouldBeOfType<DocList>().Items.ShouldBeEmpty();
    }

    [Fact]
    public void NewDocument_IsAppendedAndSameKindAndNameMerges()
    {
        var result = RenderWith(
            TalosTestCluster.Patch("apiVersion: v1alpha1\nkind: ExtensionServiceConfig\nname: lldpd\nenvironment:\n  - LLDPD_OPTS=-c\n", path: "talos/patches/all/x.yaml"),
            TalosTestCluster.Patch("apiVersion: v1alpha1\nkind: KmsgLogConfig\nname: remote\nurl: udp://172.29.51.1:515/\n", path: "talos/patches/all/y.yaml"));
        result.Diagnostics.ShouldBeEmpty();
        var documents = Node(result).Documents;
        documents.Select(TalosDocument.Identity).ShouldBe(["v1alpha1", "UserVolumeConfig/longhorn-ssd", "KmsgLogConfig/kernel-logging", "ExtensionServiceConfig/lldpd", "KmsgLogConfig/remote"]);
        SeedSettingsTests.Text(documents[3]["environment"]).ShouldBe("[LLDPD_OPTS=-c]");
        SeedSettingsTests.Text(documents[3]["configFiles"]).ShouldContain("/usr/local/etc/lldpd/lldpd.conf");
    }

    [Fact]
    public void UnknownField_IsReportedAtThePatchFileAndLine()
    {
        var result = RenderWith(TalosTestCluster.Patch("# tuning\nmachine:\n  kubelet:\n    extraConfig: {}\n    nodeIPs: {}\n", path: "talos/patches/all/kubelet-extra.yaml"));
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("HO2201");
        diagnostic.Location.Path.ShouldBe("talos/patches/all/kubelet-extra.yaml");
        diagnostic.Location.Line.ShouldBe(5);
        diagnostic.Location.Column.ShouldBe(5);
    }

    [Fact]
    public void WrongTypeFromPatch_IsReportedAtThePatchValue()
    {
        var result = RenderWith(TalosTestCluster.Patch("machine:\n  install:\n    wipe: \"no\"\n", path: "talos/patches/nodes/mini01/wipe.yaml", scope: PatchScope.Node, node: "mini01"));
        result.Diagnostics.ShouldContain(d => d.Code == "HO2202" && d.Location.Path == "talos/patches/nodes/mini01/wipe.yaml" && d.Location.Line == 3);
    }

    [Fact]
    public void MalformedPatch_IsADiagnosticAndNothingIsApplied()
    {
        var bag = new DiagnosticBag();
        var patch = TalosTestCluster.Patch("machine:\n  sysctls:\n    vm.swappiness: \"1\"\n   bad: [\n", path: "talos/patches/all/broken.yaml", diagnostics: bag);
        patch.Documents.ShouldBeEmpty();
        var diagnostic = bag.Items.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("HO0003");
        diagnostic.Location.Path.ShouldBe("talos/patches/all/broken.yaml");
    }

    [Theory]
    [InlineData("- op: add\n  path: /machine/sysctls\n  value: {}\n", "HO2110", 1)]
    [InlineData("just text\n", "HO2101", 1)]
    [InlineData("foo: bar\n", "HO2102", 1)]
    [InlineData("# nothing\n", "HO2109", 1)]
    public void BadPatchShapes_AreDiagnostics(string yaml, string code, int line)
    {
        var bag = new DiagnosticBag();
        TalosTestCluster.Patch(yaml, path: "p.yaml", diagnostics: bag);
        var diagnostic = bag.Items.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe(code);
        diagnostic.Location.Line.ShouldBe(line);
    }

    [Fact]
    public void PatchSettingASecret_IsAnError()
    {
        var result = RenderWith(TalosTestCluster.Patch("cluster:\n  secret: c2VjcmV0\nmachine:\n  ca:\n    key: abc\n"));
        result.Diagnostics.Where(d => d.Code == "HO2103").Select(d => d.Location.Line).ShouldBe([2, 4]);
    }

    [Fact]
    public void PatchOverridingClusterYaml_IsAWarningAtThePatchLine()
    {
        var result = RenderWith(TalosTestCluster.Patch("machine:\n  install:\n    wipe: false\n"));
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("HO2104");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Warning);
        diagnostic.Location.Line.ShouldBe(3);
        diagnostic.Message.ShouldContain("machine.install.wipe");
        SeedSettingsTests.Text(Node(result).Main.At("machine.install.wipe")).ShouldBe("false");
    }

    [Fact]
    public void ShapeConflict_IsAnError()
    {
        var result = RenderWith(TalosTestCluster.Patch("machine:\n  sysctls: [a]\n"));
        result.Diagnostics.ShouldContain(d => d.Code == "HO2106" && d.Location.Line == 2);
    }

    [Fact]
    public void PatchForUnknownNode_IsAnError()
    {
        var result = RenderWith(TalosTestCluster.Patch("machine: {}\n", PatchScope.Node, "mini09", "talos/patches/nodes/mini09/x.yaml"));
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("HO2105");
        diagnostic.Message.ShouldContain("mini09");
    }

    [Fact]
    public void OutputOrder_DoesNotDependOnPatchKeyOrder()
    {
        var a = RenderWith(TalosTestCluster.Patch("machine:\n  sysctls:\n    b.x: \"1\"\n    a.x: \"2\"\n  time:\n    disabled: false\n"));
        var b = RenderWith(TalosTestCluster.Patch("machine:\n  time:\n    disabled: false\n  sysctls:\n    a.x: \"2\"\n    b.x: \"1\"\n"));
        a.Files(SecretHandling.Redact).ShouldBe(b.Files(SecretHandling.Redact));
    }
}
