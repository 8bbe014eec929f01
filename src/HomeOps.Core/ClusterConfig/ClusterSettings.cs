using HomeOps.Core.Schema;

namespace HomeOps.Core.ClusterConfig;

[ConfigObject("Name and versions of the cluster.")]
public sealed record ClusterSettings : ConfigObject
{
    [ConfigKey("name", "The cluster name: used in kubeconfig and talosconfig contexts, 1Password item names and generated file names.", Required = true, Example = "home-ops", Format = ValueFormats.DnsLabel)]
    public string Name { get; init; } = string.Empty;

    [ConfigKey("talosVersion", "Talos Linux version installed on every node.", Required = true, Example = "v1.10.5", Format = ValueFormats.Version)]
    public string TalosVersion { get; init; } = string.Empty;

    [ConfigKey("kubernetesVersion", "Kubernetes version; it must be supported by the Talos version.", Required = true, Example = "v1.31.1", Format = ValueFormats.Version)]
    public string KubernetesVersion { get; init; } = string.Empty;

    [ConfigKey("allowSchedulingOnControlPlanes", "Let workloads run on control-plane nodes (needed when there are no workers).")]
    public bool AllowSchedulingOnControlPlanes { get; init; } = true;

    [ConfigKey("dnsDomain", "The in-cluster DNS domain of Services.", Format = ValueFormats.DomainName)]
    public string DnsDomain { get; init; } = "cluster.local";
}
