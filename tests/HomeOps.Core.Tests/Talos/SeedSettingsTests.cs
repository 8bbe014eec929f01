using HomeOps.Core.Talos.Documents;

namespace HomeOps.Core.Tests.Talos;

/// <summary>Every Talos setting of the seed cluster (reference-repo section 4.1), in the rendered config of each node.</summary>
public sealed class SeedSettingsTests
{
    public static TheoryData<string, string> Settings => new()
    {
        // install disk selector, installer from the Image Factory schematic, wipe; the seed's kernel logging argument
        // becomes a KmsgLogConfig document (KernelLoggingTests: systemd-boot ignores install.extraKernelArgs)
        { "machine.install.diskSelector.model", "APPLE*" },
        { "machine.install.image", "factory.talos.dev/metal-installer/046889043a3a6b4df4d2b999d8cf2b9ac013aae7cbda98f8b53b99ac226cf0f3:v1.10.5" },
        { "machine.install.wipe", "true" },
        // kubelet graceful shutdown
        { "machine.kubelet.extraConfig.shutdownGracePeriod", "30s" },
        { "machine.kubelet.extraConfig.shutdownGracePeriodCriticalPods", "10s" },
        // LUKS2 keyed by node ID on STATE and EPHEMERAL
        { "machine.systemDiskEncryption.state.provider", "luks2" },
        { "machine.systemDiskEncryption.ephemeral.provider", "luks2" },
        // features
        { "machine.features.kubePrism.enabled", "true" },
        { "machine.features.kubePrism.port", "7445" },
        { "machine.features.hostDNS.enabled", "true" },
        { "machine.features.hostDNS.forwardKubeDNSToHost", "true" },
        { "machine.features.rbac", "true" },
        { "machine.features.stableHostname", "true" },
        { "machine.features.diskQuotaSupport", "true" },
        { "machine.features.apidCheckExtKeyUsage", "true" },
        // CNI none, kube-proxy disabled, dual-stack networks
        { "cluster.network.cni.name", "none" },
        { "cluster.proxy.disabled", "true" },
        { "cluster.network.podSubnets", "[10.244.0.0/16, fd47:25e1:2f96:5120::/64]" },
        { "cluster.network.serviceSubnets", "[10.96.0.0/12, fd47:25e1:2f96:5110::/108]" },
        // API server
        { "cluster.apiServer.extraArgs.enable-admission-plugins", "NodeRestriction,ValidatingAdmissionWebhook,MutatingAdmissionWebhook" },
        { "cluster.apiServer.disablePodSecurityPolicy", "true" },
        // etcd, controller-manager and scheduler
        { "cluster.etcd.extraArgs.election-timeout", "1000" },
        { "cluster.etcd.extraArgs.heartbeat-interval", "100" },
        { "cluster.etcd.extraArgs.listen-metrics-urls", "http://0.0.0.0:2381" },
        { "cluster.controllerManager.extraArgs.bind-address", "0.0.0.0" },
        { "cluster.controllerManager.extraArgs.leader-elect-lease-duration", "15s" },
        { "cluster.controllerManager.extraArgs.leader-elect-renew-deadline", "10s" },
        { "cluster.controllerManager.extraArgs.leader-elect-retry-period", "2s" },
        { "cluster.scheduler.extraArgs.bind-address", "0.0.0.0" },
        { "cluster.scheduler.extraArgs.leader-elect-lease-duration", "15s" },
        // discovery with both registries, scheduling on control planes
        { "cluster.discovery.enabled", "true" },
        { "cluster.discovery.registries.kubernetes.disabled", "false" },
        { "cluster.discovery.registries.service.disabled", "false" },
        { "cluster.allowSchedulingOnControlPlanes", "true" },
        { "cluster.controlPlane.endpoint", "https://172.29.51.10:6443" },
        { "cluster.clusterName", "home-ops" },
        { "machine.kubelet.image", "ghcr.io/siderolabs/kubelet:v1.31.1" },
        { "cluster.apiServer.image", "registry.k8s.io/kube-apiserver:v1.31.1" },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public void Render_EveryNode_HasSeedSetting(string path, string expected)
    {
        foreach (var node in TalosTestCluster.Rendered.Nodes)
        {
            Text(node.Main.At(path)).ShouldBe(expected, $"{node.FileName}: {path}");
        }
    }

    [Fact]
    public void Render_EncryptionKeys_AreNodeIdSlotZero()
    {
        foreach (var partition in new[] { "state", "ephemeral" })
        {
            var key = (DocMap)((DocList)TalosTestCluster.Rendered.Nodes[0].Main.At($"machine.systemDiskEncryption.{partition}.keys")!).Items.ShouldHaveSingleItem();
            key["nodeID"].ShouldBeOfType<DocMap>().Entries.ShouldBeEmpty();
            Text(key["slot"]).ShouldBe("0");
        }
    }

    [Fact]
    public void Render_Interface_HasDhcpVipAndIPv6DefaultRoute()
    {
        var node = TalosTestCluster.Rendered.Nodes[0];
        var device = (DocMap)((DocList)node.Main.At("machine.network.interfaces")!).Items.ShouldHaveSingleItem();
        Text(device["interface"]).ShouldBe("enp3s0f0");
        Text(device["dhcp"]).ShouldBe("true");
        Text(device.At("dhcpOptions.routeMetric")).ShouldBe("1024");
        Text(device.At("dhcpOptions.ipv4")).ShouldBe("true");
        Text(device.At("dhcpOptions.ipv6")).ShouldBe("false");
        Text(device.At("vip.ip")).ShouldBe("172.29.51.10");
        var route = (DocMap)((DocList)device["routes"]!).Items.ShouldHaveSingleItem();
        Text(route["network"]).ShouldBe("::/0");
        Text(route["gateway"]).ShouldBe("fe80::1");
        Text(node.Main.At("machine.network.hostname")).ShouldBe(node.Node.Name);
    }

    [Fact]
    public void Render_Sysctls_AreTheSeedValues()
    {
        var sysctls = (DocMap)TalosTestCluster.Rendered.Nodes[0].Main.At("machine.sysctls")!;
        sysctls.Entries.ToDictionary(e => e.Key, e => Text(e.Value)).ShouldBe(new Dictionary<string, string>
        {
            ["kernel.kexec_load_disabled"] = "1",
            ["net.ipv4.ip_forward"] = "1",
            ["net.ipv6.conf.all.forwarding"] = "1",
            ["vm.dirty_background_ratio"] = "2",
            ["vm.dirty_ratio"] = "5",
        });
    }

    [Fact]
    public void Render_UdevRules_TuneTheT5Ssd()
    {
        var rules = ((DocList)TalosTestCluster.Rendered.Nodes[0].Main.At("machine.udev.rules")!).Items.Select(Text).ToList();
        rules.ShouldAllBe(r => r.Contains("ATTRS{model}==\"Portable SSD T5*\"") && r.Contains("KERNEL==\"sd[a-z]\""));
        rules.ShouldContain(r => r.EndsWith("ATTR{queue/scheduler}=\"mq-deadline\""));
        rules.ShouldContain(r => r.EndsWith("ATTR{queue/rotational}=\"0\""));
    }

    [Fact]
    public void Render_PodSecurityAndAudit_AreTheSeedPolicy()
    {
        var main = TalosTestCluster.Rendered.Nodes[0].Main;
        var admission = (DocMap)((DocList)main.At("cluster.apiServer.admissionControl")!).Items.ShouldHaveSingleItem();
        Text(admission["name"]).ShouldBe("PodSecurity");
        Text(admission.At("configuration.defaults.enforce")).ShouldBe("baseline");
        Text(admission.At("configuration.defaults.audit")).ShouldBe("restricted");
        Text(admission.At("configuration.defaults.warn")).ShouldBe("restricted");
        Text(main.At("cluster.apiServer.auditPolicy")).ShouldBe("{apiVersion: audit.k8s.io/v1, kind: Policy, rules: [{level: Metadata}]}");
    }

    [Fact]
    public void Render_ExtraDocuments_AreTheUserVolumeKernelLoggingAndLldpdConfig()
    {
        var node = TalosTestCluster.Rendered.Nodes[0];
        node.Documents.Select(TalosDocument.Identity).ShouldBe(["v1alpha1", "UserVolumeConfig/longhorn-ssd", "KmsgLogConfig/kernel-logging", "ExtensionServiceConfig/lldpd"]);
        var volume = node.Documents[1];
        Text(volume.At("provisioning.diskSelector.match")).ShouldBe("disk.model == \"Portable SSD T5\"");
        Text(volume.At("provisioning.maxSize")).ShouldBe("1TB");
        Text(volume.At("filesystem.type")).ShouldBe("xfs");
        var file = (DocMap)((DocList)node.Documents[3]["configFiles"]!).Items.ShouldHaveSingleItem();
        Text(file["mountPath"]).ShouldBe("/usr/local/etc/lldpd/lldpd.conf");
        Text(file["content"]).ShouldContain("configure lldp portidsubtype ifname");
    }

    /// <summary>A compact text of a node: scalars as is, lists and maps in flow style.</summary>
    internal static string Text(DocNode? node) => node switch
    {
        null => "<missing>",
        DocScalar s => s.Value,
        DocSecret s => s.Value ?? "<secret>",
        DocList l => "[" + string.Join(", ", l.Items.Select(Text)) + "]",
        DocMap m => "{" + string.Join(", ", m.Entries.Select(e => $"{e.Key}: {Text(e.Value)}")) + "}",
        _ => "?",
    };
}
