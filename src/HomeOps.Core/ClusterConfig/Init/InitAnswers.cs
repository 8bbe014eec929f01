using System.Net;
using HomeOps.Core.Networking;
using HomeOps.Core.Schema;

namespace HomeOps.Core.ClusterConfig.Init;

/// <summary>
/// What `homeops init` asks: only what it cannot derive. Every key is optional here because the answers come from an
/// answers file, flags and prompts together; what is still missing when init runs is reported (HO0122).
/// </summary>
[ConfigObject("The answers of `homeops init`: what it cannot derive about your cluster. Everything else is derived.")]
public sealed record InitAnswers : ConfigObject
{
    [ConfigKey("clusterName", "The cluster name (kubeconfig and talosconfig contexts, 1Password item names).", Example = "home-ops", Format = ValueFormats.DnsLabel)]
    public string? ClusterName { get; init; }

    [ConfigKey("domain", "Your public domain, served through Cloudflare.", Example = "example.com", Format = ValueFormats.DomainName)]
    public string? Domain { get; init; }

    [ConfigKey("internalDomain", "The domain of services on the home network (default k8s.home.<domain>).", Format = ValueFormats.DomainName)]
    public string? InternalDomain { get; init; }

    [ConfigKey("acmeEmail", "The e-mail address registered with Let's Encrypt (default admin@<domain>).", Format = ValueFormats.Email)]
    public string? AcmeEmail { get; init; }

    [ConfigKey("repository", "The GitHub repository Flux pulls (your fork).", Example = "https://github.com/you/home-ops", Format = ValueFormats.GitUrl)]
    public string? Repository { get; init; }

    [ConfigKey("nodeNetwork", "The IPv4 network the nodes are on.", Example = "10.20.0.0/24")]
    public IpNetwork? NodeNetwork { get; init; }

    [ConfigKey("vlan", "The VLAN of the node network, if it has one.")]
    [Range(1, 4094)]
    public int? Vlan { get; init; }

    [ConfigKey("interface", "The network interface of the nodes (default enp3s0f0, a Mac mini's).", Format = ValueFormats.NetworkInterface)]
    public string? Interface { get; init; }

    [ConfigKey("router", "The router's address on the node network: default gateway and BGP peer (default: the first address).")]
    public IPAddress? Router { get; init; }

    [ConfigKey("routerAsn", "The router's BGP autonomous system number (default 64513).")]
    [Range(1, 4294967295)]
    public long? RouterAsn { get; init; }

    [ConfigKey("routerName", "A name for the router in generated configuration (default router).", Format = ValueFormats.DnsLabel)]
    public string? RouterName { get; init; }

    [ConfigKey("clusterAsn", "The cluster's own ASN (default 64512, or 64513 when the router has 64512).")]
    [Range(1, 4294967295)]
    public long? ClusterAsn { get; init; }

    [ConfigKey("apiVip", "The Kubernetes API's shared address (default: the tenth address of the node network, or the first free one).")]
    public IPAddress? ApiVip { get; init; }

    [ConfigKey("ipv6Prefix", "A unique local /48 (RFC 4193) the IPv6 networks are carved from (default: a random one).", Example = "fd47:25e1:2f96::/48")]
    public IpNetwork? Ipv6Prefix { get; init; }

    [ConfigKey("loadBalancerNetwork", "An IPv4 network of at least /24, routed to the cluster over BGP, for LoadBalancer addresses (default: the /24 after the node network).")]
    public IpNetwork? LoadBalancerNetwork { get; init; }

    [ConfigKey("installDisk", "The disk Talos installs to on every node: a model glob (APPLE*) or key=value pairs (type=nvme,size=>= 200GB).", Example = "APPLE*")]
    public string? InstallDisk { get; init; }

    [ConfigKey("nodes", "The machines: name, address, and optionally installDisk and role.")]
    public IReadOnlyList<InitNode>? Nodes { get; init; }

    [ConfigKey("cloudflareTunnelId", "The Cloudflare Tunnel ID ('cloudflared tunnel create <name>' prints it).", Example = "16c18922-4cba-49e5-b463-d41dde8f8f2d", Format = ValueFormats.Uuid)]
    public string? CloudflareTunnelId { get; init; }

    [ConfigKey("dataDiskModel", "The model of the data disk Longhorn uses on each node (default Portable SSD T5).")]
    public string? DataDiskModel { get; init; }

    [ConfigKey("backupBucket", "The S3 bucket of Longhorn's backups (default <clusterName>-longhorn-backups).", Format = ValueFormats.BucketName)]
    public string? BackupBucket { get; init; }

    [ConfigKey("backupRegion", "The backup bucket's region (default us-east-1).", Format = ValueFormats.DnsLabel)]
    public string? BackupRegion { get; init; }

    [ConfigKey("onePasswordVault", "The 1Password vault that holds the cluster's secrets (default Automation).")]
    public string? OnePasswordVault { get; init; }

    /// <summary>These answers where given, <paramref name="lower"/>'s elsewhere (flags over an answers file, prompts over both).</summary>
    public InitAnswers Over(InitAnswers lower) => lower with
    {
        ClusterName = ClusterName ?? lower.ClusterName,
        Domain = Domain ?? lower.Domain,
        InternalDomain = InternalDomain ?? lower.InternalDomain,
        AcmeEmail = AcmeEmail ?? lower.AcmeEmail,
        Repository = Repository ?? lower.Repository,
        NodeNetwork = NodeNetwork ?? lower.NodeNetwork,
        Vlan = Vlan ?? lower.Vlan,
        Interface = Interface ?? lower.Interface,
        Router = Router ?? lower.Router,
        RouterAsn = RouterAsn ?? lower.RouterAsn,
        RouterName = RouterName ?? lower.RouterName,
        ClusterAsn = ClusterAsn ?? lower.ClusterAsn,
        ApiVip = ApiVip ?? lower.ApiVip,
        Ipv6Prefix = Ipv6Prefix ?? lower.Ipv6Prefix,
        LoadBalancerNetwork = LoadBalancerNetwork ?? lower.LoadBalancerNetwork,
        InstallDisk = InstallDisk ?? lower.InstallDisk,
        Nodes = Nodes ?? lower.Nodes,
        CloudflareTunnelId = CloudflareTunnelId ?? lower.CloudflareTunnelId,
        DataDiskModel = DataDiskModel ?? lower.DataDiskModel,
        BackupBucket = BackupBucket ?? lower.BackupBucket,
        BackupRegion = BackupRegion ?? lower.BackupRegion,
        OnePasswordVault = OnePasswordVault ?? lower.OnePasswordVault,
    };
}

[ConfigObject("One machine of the cluster, as `homeops init` asks for it.")]
public sealed record InitNode : ConfigObject
{
    [ConfigKey("name", "Hostname (a DNS-1123 label).", Required = true, Example = "node01", Format = ValueFormats.DnsLabel)]
    public string Name { get; init; } = string.Empty;

    [ConfigKey("address", "The node's IPv4 address on the node network.", Required = true, Example = "10.20.0.11")]
    public IPAddress Address { get; init; } = null!;

    [ConfigKey("installDisk", "This node's install disk, when it differs from installDisk.")]
    public string? InstallDisk { get; init; }

    [ConfigKey("role", "controlplane or worker (default: the first three, or the only one, are control planes).")]
    public NodeRole? Role { get; init; }
}
