using HomeOps.Core.Status;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Operations.Status;

/// <summary>The sections read from Kubernetes lists: what each lists, what it cannot do without, and its Core judge.</summary>
public static class KubeStatusSections
{
    /// <summary>Nodes, pods and PersistentVolumeClaims (<see cref="KubernetesStatus"/>).</summary>
    public static KubeStatusSection Kubernetes() => KubeStatusSection.FromLists(KubernetesStatus.Id, KubernetesStatus.Title,
        [KubeResource.Nodes, KubeResource.Pods, KubeResource.PersistentVolumeClaims], null,
        (items, now) => KubernetesStatus.Evaluate(items(KubeResource.Nodes), items(KubeResource.Pods), items(KubeResource.PersistentVolumeClaims), now));

    /// <summary>
    /// Every Kustomization and HelmRelease, and the root causes of what is blocked (<see cref="FluxStatus"/>). A cluster
    /// may run Kustomizations without helm-controller; without kustomize-controller there is no Flux.
    /// </summary>
    public static KubeStatusSection Flux() => KubeStatusSection.FromLists(FluxStatus.Id, FluxStatus.Title,
        [KubeResource.Kustomizations, KubeResource.HelmReleases], [KubeResource.Kustomizations],
        (items, _) => FluxStatus.Evaluate(items(KubeResource.Kustomizations), items(KubeResource.HelmReleases)));

    /// <summary>
    /// BGP sessions per node and LB IPAM pool usage (<see cref="CiliumStatus"/>). Cilium always serves LB IPAM pools;
    /// the BGP node configs only with the BGP control plane (v2) on.
    /// </summary>
    public static KubeStatusSection Cilium() => KubeStatusSection.FromLists(CiliumStatus.Id, CiliumStatus.Title,
        [KubeResource.CiliumBgpNodeConfigs, KubeResource.CiliumLoadBalancerIpPools], [KubeResource.CiliumLoadBalancerIpPools],
        (items, now) => CiliumStatus.Evaluate(items(KubeResource.CiliumBgpNodeConfigs), items(KubeResource.CiliumLoadBalancerIpPools), now));

    /// <summary>Longhorn volumes, nodes and disks (<see cref="LonghornStatus"/>).</summary>
    public static KubeStatusSection Longhorn() => KubeStatusSection.FromLists(LonghornStatus.Id, LonghornStatus.Title,
        [KubeResource.LonghornVolumes, KubeResource.LonghornNodes], null,
        (items, _) => LonghornStatus.Evaluate(items(KubeResource.LonghornVolumes), items(KubeResource.LonghornNodes)));

    /// <summary>
    /// CloudNativePG clusters, their Barman Cloud backups (clusters without the plugin have no ObjectStores to read) and
    /// replication, asked of each replicated Cluster's primary (<see cref="CnpgReplicationReader"/>).
    /// </summary>
    public static KubeStatusSection Cnpg() => new(CnpgStatus.Id, CnpgStatus.Title,
        [KubeResource.CnpgClusters, KubeResource.BarmanObjectStores, KubeResource.Pods], [KubeResource.CnpgClusters],
        async (items, context, cancellationToken) =>
        {
            var clusters = items(KubeResource.CnpgClusters);
            var replication = await CnpgReplicationReader.ReadAsync(context.Cluster, clusters, items(KubeResource.Pods), cancellationToken).ConfigureAwait(false);
            return CnpgStatus.Evaluate(clusters, items(KubeResource.BarmanObjectStores), context.Time.GetUtcNow(), replication);
        });

    /// <summary>cert-manager Certificates: Ready and expiry (<see cref="CertificateStatus"/>).</summary>
    public static KubeStatusSection Certificates() => KubeStatusSection.FromLists(CertificateStatus.Id, CertificateStatus.Title,
        [KubeResource.Certificates], null, (items, now) => CertificateStatus.Evaluate(items(KubeResource.Certificates), now));

    /// <summary>ExternalSecrets and whether each is SecretSynced (<see cref="ExternalSecretStatus"/>).</summary>
    public static KubeStatusSection ExternalSecrets() => KubeStatusSection.FromLists(ExternalSecretStatus.Id, ExternalSecretStatus.Title,
        [KubeResource.ExternalSecrets], null, (items, now) => ExternalSecretStatus.Evaluate(items(KubeResource.ExternalSecrets), now));
}
