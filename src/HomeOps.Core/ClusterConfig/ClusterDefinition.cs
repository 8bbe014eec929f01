using HomeOps.Core.Schema;

namespace HomeOps.Core.ClusterConfig;

/// <summary>The whole of cluster.yaml: the one file an operator edits.</summary>
[ConfigObject("The cluster definition. Every other file HomeOps generates or checks is derived from it.")]
public sealed record ClusterDefinition : ConfigObject
{
    [ConfigKey("cluster", "Name and versions of the cluster.", Required = true)]
    public ClusterSettings Cluster { get; init; } = new();

    [ConfigKey("network", "The node network, the API address and the pod and service networks.", Required = true)]
    public NetworkSettings Network { get; init; } = new();

    [ConfigKey("loadBalancer", "How LoadBalancer Services get addresses: BGP peering and Cilium address pools.")]
    public LoadBalancerSettings LoadBalancer { get; init; } = new();

    [ConfigKey("talos", "Talos Linux settings shared by every node.", Required = true)]
    public TalosSettings Talos { get; init; } = new();

    [ConfigKey("nodes", "The machines of the cluster.", Required = true)]
    [Items(1)]
    public IReadOnlyList<NodeSettings> Nodes { get; init; } = [];

    [ConfigKey("storage", "The data disks Longhorn stores volumes on.")]
    public StorageSettings? Storage { get; init; }

    [ConfigKey("domains", "DNS domains for public and internal services.", Required = true)]
    public DomainSettings Domains { get; init; } = new();

    [ConfigKey("secrets", "Where cluster secrets are kept.", Required = true)]
    public SecretSettings Secrets { get; init; } = new();

    [ConfigKey("gitops", "The Git repository Flux reconciles.", Required = true)]
    public GitOpsSettings GitOps { get; init; } = new();

    [ConfigKey("cloudflare", "Cloudflare: the public zone and the tunnel into the cluster (required by the GitOps tree).")]
    public CloudflareSettings? Cloudflare { get; init; }
}
