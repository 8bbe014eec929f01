using System.Globalization;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.ClusterConfig.Init;

/// <summary>
/// cluster.yaml as init writes it: the same layout and comments as the bundled one, so the file reads as written by
/// hand. Each top-level section is written by the one <see cref="YamlWriter"/> and the sections are joined with a
/// blank line between them; strings go through <see cref="YamlWriter.Text"/>, so a value such as "yes" or "1.0"
/// stays a string. The loader reads the text back before anything is written.
/// </summary>
public static class ClusterPlanWriter
{
    /// <summary>What the tree and the bundled cluster use; they change with the tree, not per cluster.</summary>
    public const string TalosVersion = "v1.10.5";

    public const string KubernetesVersion = "v1.31.1";

    public static readonly IReadOnlyList<string> Extensions = ["siderolabs/iscsi-tools", "siderolabs/lldpd", "siderolabs/usb-modem-drivers", "siderolabs/thunderbolt"];

    private static readonly string[] s_header =
    [
        "yaml-language-server: $schema=./docs/cluster.schema.json",
        string.Empty,
        "The one file that describes this cluster, written by `homeops init` (edit it freely; `homeops init` asks",
        "again only with --force). HomeOps derives the Talos machine configs, the cluster-specific values of the",
        "GitOps tree, the router's BGP configuration and the bootstrap plan from it. After a change run",
        "`homeops render` and `homeops check`; every key is documented in docs/cluster-config.md.",
    ];

    public static string Write(ClusterPlan plan)
    {
        var header = string.Concat(s_header.Select(line => line.Length == 0 ? "#\n" : $"# {line}\n"));
        string[] sections =
        [
            Cluster(plan), Network(plan), LoadBalancer(plan), Talos(plan), Nodes(plan), Storage(plan), Domains(plan),
            Secrets(plan), GitOps(plan), Cloudflare(plan),
        ];
        return header + "\n" + string.Join("\n", sections);
    }

    private static YamlWriter Section(string key) => new YamlWriter().Map().Key(key).Map();

    private static string Done(YamlWriter section) => section.EndMap().EndMap().ToString();

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Cluster(ClusterPlan plan) => Done(Section("cluster")
        .TextEntry("name", plan.Name)
        .Entry("talosVersion", TalosVersion)
        .Entry("kubernetesVersion", KubernetesVersion)
        .Entry("allowSchedulingOnControlPlanes", "true"));

    private static string Network(ClusterPlan plan)
    {
        var yaml = Section("network").TextEntry("interface", plan.Interface);
        if (plan.Vlan is { } vlan)
        {
            yaml.Entry("vlan", Number(vlan));
        }

        return Done(yaml
            .Entry("nodeNetwork", plan.NodeNetwork.ToString())
            .Comment($"IPv6 networks are subnets of the unique local prefix {plan.Ipv6Prefix} (RFC 4193).")
            .Entry("nodeNetworkIPv6", plan.NodeNetworkIPv6.ToString())
            .Entry("gateway", plan.Router.ToString())
            .Entry("ipv6Gateway", "fe80::1")
            .Entry("apiVip", plan.ApiVip.ToString())
            .Key("podNetworks").List().Plain(plan.PodNetwork.ToString()).Plain(plan.PodNetworkIPv6.ToString()).EndList()
            .Key("serviceNetworks").List().Plain(plan.ServiceNetwork.ToString()).Plain(plan.ServiceNetworkIPv6.ToString()).EndList());
    }

    private static string LoadBalancer(ClusterPlan plan)
    {
        var lb = plan.LoadBalancerNetwork;
        string Range(int first, int last) => $"{AddressPlan.Offset(lb, first)}-{AddressPlan.Offset(lb, last)}";
        return Done(Section("loadBalancer")
            .Entry("mode", "bgp")
            .Key("bgp").Map()
                .Entry("localAsn", Number(plan.ClusterAsn))
                .Key("peers").List()
                    .Map().TextEntry("name", plan.RouterName).Entry("address", plan.Router.ToString()).Entry("asn", Number(plan.RouterAsn)).EndMap()
                    .Comment("The same router over IPv6, so IPv6 routes go over an IPv6 session (docs/platform.md, \"Load balancers and BGP\").")
                    .Map().TextEntry("name", plan.RouterName + "-v6").Entry("address", AddressPlan.Offset(plan.NodeNetworkIPv6, 1).ToString()).Entry("asn", Number(plan.RouterAsn)).EndMap()
                .EndList()
            .EndMap()
            .Comment($"Addresses of {lb}: the router learns them over BGP; nothing else may use them.")
            .Key("pools").List()
                .Map().Entry("name", "bgp-default").Entry("range", Range(100, 199)).Entry("description", "LoadBalancer Services (Grafana, Alertmanager, Mosquitto, ...)").EndMap()
                .Map().Entry("name", "bgp-ingress").Entry("range", Range(200, 220)).Entry("description", "ingress controllers").EndMap()
                .Map().Entry("name", "bgp-reserved").Entry("range", Range(50, 99)).Entry("description", "reserved for future use").EndMap()
                .Map().Entry("name", "bgp-default-ipv6").Entry("cidr", plan.LoadBalancerIPv6.ToString())
                    .Entry("description", "IPv6 addresses of the dual-stack Services of bgp-default and bgp-ingress")
                    .Key("alsoServes").FlowList("bgp-default", "bgp-ingress").EndMap()
            .EndList());
    }

    private static string Talos(ClusterPlan plan)
    {
        var yaml = InstallDisk(Section("talos").Key("installDisk"), plan.InstallDisk).Key("extensions").List();
        foreach (var extension in Extensions)
        {
            yaml.Plain(extension);
        }

        return Done(yaml.EndList()
            .Key("diskEncryption").Map().Entry("state", "luks2").Entry("ephemeral", "luks2").EndMap()
            .Entry("wipeInstallDisk", "true"));
    }

    private static string Nodes(ClusterPlan plan)
    {
        var yaml = new YamlWriter().Map().Key("nodes").List();
        foreach (var node in plan.Nodes)
        {
            yaml.Map()
                .TextEntry("name", node.Name)
                .Entry("address", node.Address.ToString())
                .Entry("role", node.Role == NodeRole.ControlPlane ? "controlplane" : "worker");
            if (node.InstallDisk is { } disk)
            {
                InstallDisk(yaml.Key("installDisk"), disk);
            }

            yaml.EndMap();
        }

        return yaml.EndList().EndMap().ToString();
    }

    private static YamlWriter InstallDisk(YamlWriter yaml, InstallDiskSelector disk)
    {
        yaml.Map();
        foreach (var (key, value) in InstallDiskSpec.Fields(disk))
        {
            yaml.TextEntry(key, value);
        }

        return yaml.EndMap();
    }

    private static string Storage(ClusterPlan plan) => Done(Section("storage")
        .Key("dataDisk").Map()
            .Entry("volumeName", "longhorn-ssd")
            .TextEntry("model", plan.DataDiskModel)
            .Entry("filesystem", "xfs")
        .EndMap()
        .Entry("storageClass", "longhorn-ssd")
        .Entry("replicas", Number(Math.Min(2, plan.Nodes.Count)))
        .Entry("diskTag", "ssd")
        .Key("backup").Map().TextEntry("bucket", plan.BackupBucket).TextEntry("region", plan.BackupRegion).EndMap());

    private static string Domains(ClusterPlan plan) => Done(Section("domains")
        .TextEntry("public", plan.Domain)
        .TextEntry("internal", plan.InternalDomain)
        .TextEntry("acmeEmail", plan.AcmeEmail));

    private static string Secrets(ClusterPlan plan) => Done(Section("secrets")
        .Key("onePassword").Map().TextEntry("vault", plan.Vault).EndMap());

    private static string GitOps(ClusterPlan plan) => Done(Section("gitops")
        .TextEntry("repository", plan.Repository)
        .Entry("branch", "main")
        .Entry("path", "clusters/home-ops"));

    private static string Cloudflare(ClusterPlan plan) => Done(Section("cloudflare")
        .Comment("`cloudflared tunnel create <name>` prints the ID; its credentials file goes to 1Password (docs/platform.md).")
        .TextEntry("tunnelId", plan.TunnelId));
}
