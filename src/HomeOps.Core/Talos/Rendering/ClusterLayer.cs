using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Talos.Documents;

namespace HomeOps.Core.Talos.Rendering;

/// <summary>
/// Everything cluster.yaml decides for a node, written over the defaults before any patch file: hostname, interface
/// (DHCP or static, VIP, IPv6 default route), install disk, installer image from the node's schematic, wipe, disk
/// encryption, API server SANs, scheduling on control planes, the data-disk user volume and kernel log streaming.
/// Every value points back at the cluster.yaml key it came from.
/// </summary>
internal static class ClusterLayer
{
    /// <summary>DHCP route metric of the node interface (the seed's value; lower than any default route a VIP adds).</summary>
    private const int DhcpRouteMetric = 1024;

    /// <summary>The name of the KmsgLogConfig document that streams the kernel log to talos.kernelLogging.</summary>
    public const string KernelLoggingDocumentName = "kernel-logging";

    public static void Apply(NodeContext c, DocMap v1Alpha1, List<DocMap> documents)
    {
        var machine = (DocMap)v1Alpha1["machine"]!;
        var cluster = (DocMap)v1Alpha1["cluster"]!;
        var config = c.Config;
        var network = config.Network;
        var talos = config.Talos;

        var machineNetwork = machine.Map("network");
        machineNetwork.Set("hostname", c.S(c.Node.Name, c.From(c.Node, nameof(c.Node.Name))));
        machineNetwork.Set("interfaces", new DocList(c.Defaults).Add(Interface(c)));
        if (network.Nameservers.Count > 0)
        {
            machineNetwork.Set("nameservers", BaseConfig.Strings(c, network.Nameservers.Select(n => n.ToString()), c.From(network, nameof(network.Nameservers))));
        }

        if (network.NodeNetworkIPv6 is { } nodeNetwork6)
        {
            // Dual stack: the kubelet registers one address of each family from the node networks, so the Node object
            // carries the IPv6 address Cilium's native routing needs (and never an address of another interface).
            var origin = c.From(network, nameof(network.NodeNetworkIPv6));
            machine.Map("kubelet").Map("nodeIP").Set("validSubnets", BaseConfig.Strings(c, [network.NodeNetwork.ToString(), nodeNetwork6.ToString()], origin));
        }

        var install = machine.Map("install");
        var disk = c.Node.InstallDisk ?? talos.InstallDisk;
        var diskOrigin = c.Node.InstallDisk is not null ? c.From(c.Node, nameof(c.Node.InstallDisk)) : c.From(talos, nameof(talos.InstallDisk));
        install.Set("diskSelector", DiskSelector(c, disk, diskOrigin));
        var extensionsOrigin = c.Node.Extensions is not null ? c.From(c.Node, nameof(c.Node.Extensions)) : c.From(talos, nameof(talos.Extensions));
        install.Set("image", c.S(c.Schematic.InstallerImage(c.TalosVersion), extensionsOrigin));
        install.Set("wipe", DocScalar.Bool(talos.WipeInstallDisk, c.From(talos, nameof(talos.WipeInstallDisk))));

        var encryption = new DocMap(c.From(talos, nameof(talos.DiskEncryption)));
        foreach (var (name, provider, property) in new[]
        {
            ("state", talos.DiskEncryption.State, nameof(DiskEncryptionSettings.State)),
            ("ephemeral", talos.DiskEncryption.Ephemeral, nameof(DiskEncryptionSettings.Ephemeral)),
        })
        {
            if (provider == EncryptionProvider.Luks2)
            {
                var origin = c.From(talos.DiskEncryption, property);
                // Keyed by the node ID: no key material in the config, and the data is bound to this machine.
                encryption.Set(name, new DocMap(origin)
                    .Set("provider", c.S("luks2", origin))
                    .Set("keys", new DocList(origin).Add(new DocMap(origin).Set("nodeID", new DocMap(origin)).Set("slot", DocScalar.Int(0, origin)))));
            }
        }

        if (encryption.Entries.Count > 0)
        {
            machine.Set("systemDiskEncryption", encryption);
        }

        if (c.IsControlPlane)
        {
            var sans = new List<(string Value, NodeOrigin Origin)> { (network.ApiVip.ToString(), c.From(network, nameof(network.ApiVip))) };
            sans.AddRange(config.Nodes.Where(n => n.Role == NodeRole.ControlPlane).Select(n => (n.Address.ToString(), c.From(n, nameof(n.Address)))));
            sans.Add(("127.0.0.1", c.Defaults));
            sans.AddRange(talos.ApiServerCertSans.Select((s, i) => (s, new Documents.NodeOrigin(OriginLayer.ClusterConfig, talos.SpanOf(nameof(talos.ApiServerCertSans), i)))));
            var list = new DocList(c.From(talos, nameof(talos.ApiServerCertSans)));
            foreach (var (value, origin) in sans.DistinctBy(s => s.Value, StringComparer.Ordinal))
            {
                list.Add(c.S(value, origin));
            }

            cluster.Map("apiServer").Set("certSANs", list);
            var scheduling = c.From(config.Cluster, nameof(config.Cluster.AllowSchedulingOnControlPlanes));
            cluster.Set("allowSchedulingOnControlPlanes", DocScalar.Bool(config.Cluster.AllowSchedulingOnControlPlanes, scheduling));
            if (config.Cluster.AllowSchedulingOnControlPlanes && machine["nodeLabels"] is DocMap labels)
            {
                // Talos (since 1.8, like kubeadm) labels control planes exclude-from-external-load-balancers. When workloads run
                // on them, and with no workers they are the only nodes, load balancers must be able to use them: the label
                // would keep LoadBalancer traffic off every node (Talos docs, "workloads on control plane nodes").
                labels.Remove("node.kubernetes.io/exclude-from-external-load-balancers");
                if (labels.Entries.Count == 0)
                {
                    machine.Remove("nodeLabels");
                }
            }

            // The controller-manager hands every node a block of pod addresses; its default IPv6 block (/64) is the whole
            // network here, leaving every node but one without a block. Use the same block size Cilium's pool uses.
            var controllerManagerArgs = cluster.Map("controllerManager").Map("extraArgs");
            foreach (var podNetwork in network.PodNetworks)
            {
                var mask = Platform.ClusterSettingsVariables.NodeMaskSize(podNetwork.PrefixLength, podNetwork.IsIPv6 ? 128 : 32);
                controllerManagerArgs.Set(podNetwork.IsIPv6 ? "node-cidr-mask-size-ipv6" : "node-cidr-mask-size-ipv4",
                    c.S(mask.ToString(System.Globalization.CultureInfo.InvariantCulture), c.From(network, nameof(network.PodNetworks))));
            }
        }

        if (config.Storage?.DataDisk is { } dataDisk)
        {
            documents.Add(UserVolume(c, dataDisk));
        }

        if (talos.KernelLogging is { } kernelLogging)
        {
            documents.Add(KernelLogging(c, kernelLogging));
        }
    }

    /// <summary>
    /// Kernel log streaming as a KmsgLogConfig document, not the talos.logging.kernel= kernel argument: Talos 1.10
    /// installs on UEFI boot with systemd-boot, which ignores machine.install.extraKernelArgs (the kernel command line
    /// is the one inside the UKI). Both feed the same controller, which starts sending from the first kernel message
    /// once the network is up, so nothing is lost; the document also applies without an upgrade (docs/talos.md).
    /// </summary>
    private static DocMap KernelLogging(NodeContext c, string url)
    {
        var origin = c.From(c.Config.Talos, nameof(TalosSettings.KernelLogging));
        return new DocMap(origin)
            .Set("apiVersion", c.S("v1alpha1", origin))
            .Set("kind", c.S("KmsgLogConfig", origin))
            .Set("name", c.S(KernelLoggingDocumentName, origin))
            .Set("url", c.S(url, origin));
    }

    private static DocMap Interface(NodeContext c)
    {
        var network = c.Config.Network;
        var node = c.Node;
        var origin = node.Interface is not null ? c.From(node, nameof(node.Interface)) : c.From(network, nameof(network.Interface));
        var device = new DocMap(origin).Set("interface", c.S(node.Interface ?? network.Interface, origin));
        var routes = new DocList(origin);
        if (network.Addressing == AddressingMode.Static)
        {
            var addressing = c.From(network, nameof(network.Addressing));
            device.Set("addresses", new DocList(addressing).Add(c.S($"{node.Address}/{network.NodeNetwork.PrefixLength}", c.From(node, nameof(node.Address)))));
            routes.Add(new DocMap(addressing).Set("network", c.S("0.0.0.0/0", addressing)).Set("gateway", c.S(network.Gateway.ToString(), c.From(network, nameof(network.Gateway)))));
        }

        if (network.IPv6Gateway is { } gateway6)
        {
            var gatewayOrigin = c.From(network, nameof(network.IPv6Gateway));
            routes.Add(new DocMap(gatewayOrigin).Set("network", c.S("::/0", gatewayOrigin)).Set("gateway", c.S(gateway6.ToString(), gatewayOrigin)));
        }

        if (routes.Items.Count > 0)
        {
            device.Set("routes", routes);
        }

        if (network.Addressing == AddressingMode.Dhcp)
        {
            var addressing = c.From(network, nameof(network.Addressing));
            device.Set("dhcp", DocScalar.Bool(true, addressing));
            // DHCPv4 only: the seed turned DHCPv6 off; IPv6 comes from router advertisements and the static default route.
            device.Set("dhcpOptions", new DocMap(addressing)
                .Set("routeMetric", DocScalar.Int(DhcpRouteMetric, addressing))
                .Set("ipv4", DocScalar.Bool(true, addressing))
                .Set("ipv6", DocScalar.Bool(false, addressing)));
        }

        if (c.IsControlPlane)
        {
            var vip = c.From(network, nameof(network.ApiVip));
            device.Set("vip", new DocMap(vip).Set("ip", c.S(network.ApiVip.ToString(), vip)));
        }

        return device;
    }

    private static DocMap DiskSelector(NodeContext c, InstallDiskSelector disk, NodeOrigin origin)
    {
        var selector = new DocMap(origin);
        foreach (var (key, value, property) in new[]
        {
            ("size", disk.Size, nameof(disk.Size)), ("model", disk.Model, nameof(disk.Model)), ("serial", disk.Serial, nameof(disk.Serial)),
            ("wwid", disk.Wwid, nameof(disk.Wwid)), ("type", disk.Type, nameof(disk.Type)), ("busPath", disk.BusPath, nameof(disk.BusPath)),
        })
        {
            if (value is not null)
            {
                selector.Set(key, c.S(value, c.From(disk, property)));
            }
        }

        return selector;
    }

    private static DocMap UserVolume(NodeContext c, DataDiskSettings disk)
    {
        var origin = c.From(c.Config.Storage!, nameof(StorageSettings.DataDisk));
        var model = disk.Model.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        var provisioning = new DocMap(origin)
            .Set("diskSelector", new DocMap(origin).Set("match", c.S($"disk.model == \"{model}\"", c.From(disk, nameof(disk.Model)))));
        if (disk.MaxSize is { } maxSize)
        {
            provisioning.Set("maxSize", c.S(maxSize, c.From(disk, nameof(disk.MaxSize))));
        }
        else
        {
            // Talos needs a minimum or maximum size; without a maximum the volume takes the whole disk.
            provisioning.Set("grow", DocScalar.Bool(true, origin)).Set("minSize", c.S("1GiB", origin));
        }

        var filesystem = disk.Filesystem == FilesystemType.Ext4 ? "ext4" : "xfs";
        return new DocMap(origin)
            .Set("apiVersion", c.S("v1alpha1", origin))
            .Set("kind", c.S("UserVolumeConfig", origin))
            .Set("name", c.S(disk.VolumeName, c.From(disk, nameof(disk.VolumeName))))
            .Set("provisioning", provisioning)
            .Set("filesystem", new DocMap(origin).Set("type", c.S(filesystem, c.From(disk, nameof(disk.Filesystem)))));
    }
}
