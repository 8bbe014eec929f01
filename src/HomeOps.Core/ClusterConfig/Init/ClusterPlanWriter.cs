using System.Globalization;
using System.Text;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.ClusterConfig.Init;

/// <summary>
/// cluster.yaml as init writes it: the same layout and comments as the bundled one, so the file reads as written by
/// hand. Strings go through <see cref="YamlScalarStyle"/>; the loader reads the text back before anything is written.
/// </summary>
public static class ClusterPlanWriter
{
    /// <summary>What the tree and the bundled cluster use; they change with the tree, not per cluster.</summary>
    public const string TalosVersion = "v1.10.5";

    public const string KubernetesVersion = "v1.31.1";

    public static readonly IReadOnlyList<string> Extensions = ["siderolabs/iscsi-tools", "siderolabs/lldpd", "siderolabs/usb-modem-drivers", "siderolabs/thunderbolt"];

    public static string Write(ClusterPlan plan)
    {
        var lb = plan.LoadBalancerNetwork;
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');
        string Q(string value) => YamlScalarStyle.Quote(value);
        string N(long value) => value.ToString(CultureInfo.InvariantCulture);

        Line("# yaml-language-server: $schema=./docs/cluster.schema.json");
        Line("#");
        Line("# The one file that describes this cluster, written by `homeops init` (edit it freely; `homeops init` asks");
        Line("# again only with --force). HomeOps derives the Talos machine configs, the cluster-specific values of the");
        Line("# GitOps tree, the router's BGP configuration and the bootstrap plan from it. After a change run");
        Line("# `homeops render` and `homeops check`; every key is documented in docs/cluster-config.md.");
        Line();
        Line("cluster:");
        Line($"  name: {Q(plan.Name)}");
        Line($"  talosVersion: {TalosVersion}");
        Line($"  kubernetesVersion: {KubernetesVersion}");
        Line("  allowSchedulingOnControlPlanes: true");
        Line();
        Line("network:");
        Line($"  interface: {Q(plan.Interface)}");
        if (plan.Vlan is { } vlan)
        {
            Line($"  vlan: {N(vlan)}");
        }

        Line($"  nodeNetwork: {plan.NodeNetwork}");
        Line($"  # IPv6 networks are subnets of the unique local prefix {plan.Ipv6Prefix} (RFC 4193).");
        Line($"  nodeNetworkIPv6: {plan.NodeNetworkIPv6}");
        Line($"  gateway: {plan.Router}");
        Line("  ipv6Gateway: fe80::1");
        Line($"  apiVip: {plan.ApiVip}");
        Line("  podNetworks:");
        Line($"    - {plan.PodNetwork}");
        Line($"    - {plan.PodNetworkIPv6}");
        Line("  serviceNetworks:");
        Line($"    - {plan.ServiceNetwork}");
        Line($"    - {plan.ServiceNetworkIPv6}");
        Line();
        Line("loadBalancer:");
        Line("  mode: bgp");
        Line("  bgp:");
        Line($"    localAsn: {N(plan.ClusterAsn)}");
        Line("    peers:");
        Line($"      - name: {Q(plan.RouterName)}");
        Line($"        address: {plan.Router}");
        Line($"        asn: {N(plan.RouterAsn)}");
        Line("      # The same router over IPv6, so IPv6 routes go over an IPv6 session (docs/platform.md, \"Load balancers and BGP\").");
        Line($"      - name: {Q(plan.RouterName + "-v6")}");
        Line($"        address: {AddressPlan.Offset(plan.NodeNetworkIPv6, 1)}");
        Line($"        asn: {N(plan.RouterAsn)}");
        Line($"  # Addresses of {lb}: the router learns them over BGP; nothing else may use them.");
        Line("  pools:");
        Line("    - name: bgp-default");
        Line($"      range: {AddressPlan.Offset(lb, 100)}-{AddressPlan.Offset(lb, 199)}");
        Line("      description: LoadBalancer Services (Grafana, Alertmanager, Mosquitto, ...)");
        Line("    - name: bgp-ingress");
        Line($"      range: {AddressPlan.Offset(lb, 200)}-{AddressPlan.Offset(lb, 220)}");
        Line("      description: ingress controllers");
        Line("    - name: bgp-reserved");
        Line($"      range: {AddressPlan.Offset(lb, 50)}-{AddressPlan.Offset(lb, 99)}");
        Line("      description: reserved for future use");
        Line("    - name: bgp-default-ipv6");
        Line($"      cidr: {plan.LoadBalancerIPv6}");
        Line("      description: IPv6 addresses of the dual-stack Services of bgp-default and bgp-ingress");
        Line("      alsoServes: [bgp-default, bgp-ingress]");
        Line();
        Line("talos:");
        Line("  installDisk:");
        foreach (var (key, value) in InstallDiskSpec.Fields(plan.InstallDisk))
        {
            Line($"    {key}: {Q(value)}");
        }

        Line("  extensions:");
        foreach (var extension in Extensions)
        {
            Line($"    - {extension}");
        }

        Line("  diskEncryption:");
        Line("    state: luks2");
        Line("    ephemeral: luks2");
        Line("  wipeInstallDisk: true");
        Line();
        Line("nodes:");
        foreach (var node in plan.Nodes)
        {
            Line($"  - name: {Q(node.Name)}");
            Line($"    address: {node.Address}");
            Line($"    role: {(node.Role == NodeRole.ControlPlane ? "controlplane" : "worker")}");
            if (node.InstallDisk is { } disk)
            {
                Line("    installDisk:");
                foreach (var (key, value) in InstallDiskSpec.Fields(disk))
                {
                    Line($"      {key}: {Q(value)}");
                }
            }
        }

        Line();
        Line("storage:");
        Line("  dataDisk:");
        Line("    volumeName: longhorn-ssd");
        Line($"    model: {Q(plan.DataDiskModel)}");
        Line("    filesystem: xfs");
        Line("  storageClass: longhorn-ssd");
        Line($"  replicas: {N(Math.Min(2, plan.Nodes.Count))}");
        Line("  diskTag: ssd");
        Line("  backup:");
        Line($"    bucket: {Q(plan.BackupBucket)}");
        Line($"    region: {Q(plan.BackupRegion)}");
        Line();
        Line("domains:");
        Line($"  public: {Q(plan.Domain)}");
        Line($"  internal: {Q(plan.InternalDomain)}");
        Line($"  acmeEmail: {Q(plan.AcmeEmail)}");
        Line();
        Line("secrets:");
        Line("  onePassword:");
        Line($"    vault: {Q(plan.Vault)}");
        Line();
        Line("gitops:");
        Line($"  repository: {Q(plan.Repository)}");
        Line("  branch: main");
        Line("  path: clusters/home-ops");
        Line();
        Line("cloudflare:");
        Line("  # `cloudflared tunnel create <name>` prints the ID; its credentials file goes to 1Password (docs/platform.md).");
        Line($"  tunnelId: {Q(plan.TunnelId)}");
        return text.ToString();
    }
}
