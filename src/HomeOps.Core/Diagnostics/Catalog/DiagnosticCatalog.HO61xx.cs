namespace HomeOps.Core.Diagnostics;

// HO61xx: what `homeops status` and `homeops doctor` find unhealthy, as root causes with a fix.
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor FluxNotReady = Error(
        "HO6101", "flux-root-cause", "A Flux object fails and blocks others",
        "{0} fails: {1}",
        "See why with 'flux get all -A' or 'kubectl describe' on it, fix the cause in the tree (or the cluster), then 'flux reconcile kustomization NAME --with-source'");

    public static readonly DiagnosticDescriptor FluxDependencyMissing = Error(
        "HO6102", "flux-dependency-missing", "A Flux dependsOn names an object that does not exist",
        "{0} does not exist, and {1} waits for it",
        "Create it, or remove it from spec.dependsOn of {1} ('homeops validate' reports the same as HO4001 before you push)");

    public static readonly DiagnosticDescriptor FluxDependencyCycle = Error(
        "HO6103", "flux-dependency-cycle", "Flux objects wait on each other",
        "Flux objects wait on each other in a cycle: {0}",
        "Remove one dependsOn edge of the cycle; Flux never resolves it on its own ('homeops validate' reports it as HO4002)");

    public static readonly DiagnosticDescriptor BgpPeerDown = Error(
        "HO6110", "bgp-peer-down", "A BGP session is not established",
        "BGP peer {0} is not established on {1}",
        "LoadBalancer addresses are not announced over this session. Check the router's side (neighbor {2}, AS numbers, password) and the node's: 'kubectl -n kube-system exec ds/cilium -- cilium-dbg bgp peers'");

    public static readonly DiagnosticDescriptor LbPoolConflict = Error(
        "HO6111", "lb-pool-conflict", "An LB IPAM pool overlaps another and allocates nothing",
        "LB IPAM pool {0} is disabled by a conflict: {1}",
        "Cilium disables the newer of two overlapping pools. Make the ranges in cluster.yaml (loadBalancer) disjoint, 'homeops render', then push");

    public static readonly DiagnosticDescriptor LbPoolExhausted = Warning(
        "HO6112", "lb-pool-exhausted", "An LB IPAM pool has no address left",
        "LB IPAM pool {0} has no address left ({1}); a new LoadBalancer Service it serves stays <pending>",
        "Widen the pool's range in cluster.yaml (loadBalancer), or delete LoadBalancer Services that no longer serve anything");

    public static readonly DiagnosticDescriptor LonghornVolumeFaulted = Error(
        "HO6120", "longhorn-volume-faulted", "A Longhorn volume is faulted",
        "Longhorn volume {0} is faulted: no replica is usable{1}",
        "Its workload cannot start. Look at its replicas in the Longhorn UI (Volume > {0}); salvage a replica or restore the last backup (homeops recovery, docs/recovery.md)");

    public static readonly DiagnosticDescriptor LonghornVolumeDegraded = Warning(
        "HO6121", "longhorn-volume-degraded", "Longhorn volumes run with fewer replicas than asked",
        "{0} Longhorn volume(s) degraded (fewer healthy replicas than asked): {1}",
        "Longhorn rebuilds replicas on its own once a node and disk can take them; if it does not, check the Longhorn nodes and disks below. Do not drain or upgrade another node until they are healthy");

    public static readonly DiagnosticDescriptor LonghornNodeNotReady = Error(
        "HO6122", "longhorn-node-not-ready", "A Longhorn node is not ready",
        "Longhorn node {0} is not Ready: {1}",
        "Replicas on it are not served. Check the node ('kubectl get node {0}') and the longhorn-manager pod on it ('kubectl -n longhorn-system get pods -o wide')");

    public static readonly DiagnosticDescriptor LonghornDiskNotSchedulable = Warning(
        "HO6123", "longhorn-disk-unschedulable", "A Longhorn disk takes no new replicas",
        "Longhorn disk {0} takes no new replicas: {1}",
        "Free space on the disk, add a disk, or lower the replica count of large volumes; Longhorn refuses a disk below its minimal available percentage (setting storage-minimal-available-percentage)");

    public static readonly DiagnosticDescriptor CnpgClusterNotHealthy = Error(
        "HO6130", "cnpg-cluster-not-healthy", "A CloudNativePG cluster is not in a healthy state",
        "PostgreSQL cluster {0} is not healthy: {1}; {2}/{3} instance(s) ready",
        "See 'kubectl cnpg status {0}' (or 'kubectl describe cluster'); an instance that cannot start is often a claim that is not Bound or a node without room (the Kubernetes and Longhorn sections show both)");

    public static readonly DiagnosticDescriptor CnpgBackupStale = Warning(
        "HO6131", "cnpg-backup-stale", "A CloudNativePG cluster has no recent backup",
        "{0} has no recent backup: {1}",
        "Check the ScheduledBackup and the last Backup objects ('kubectl get backups -A'), the object store credentials and the barman-cloud plugin's logs");

    public static readonly DiagnosticDescriptor CnpgArchivingFailing = Error(
        "HO6132", "cnpg-wal-archiving-failing", "WAL archiving of a CloudNativePG cluster fails",
        "{0}: WAL archiving fails: {1}",
        "Until it works, the recovery window stops growing and WAL piles up on the WAL volume. Check the object store (endpoint, bucket, credentials) and the plugin sidecar's logs ('kubectl logs POD -c plugin-barman-cloud')");
}
