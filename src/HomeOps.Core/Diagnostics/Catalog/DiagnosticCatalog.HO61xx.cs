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
        "PostgreSQL cluster {0}/{1} is not healthy: {2}; {3}/{4} instance(s) ready",
        "See 'kubectl cnpg status {1} -n {0}' (the cnpg plugin) or 'kubectl -n {0} describe clusters.postgresql.cnpg.io {1}'; an instance that cannot start is often a claim that is not Bound or a node without room (the Kubernetes and Longhorn sections show both)");

    public static readonly DiagnosticDescriptor CnpgBackupStale = Warning(
        "HO6131", "cnpg-backup-stale", "A CloudNativePG cluster has no recent backup",
        "{0} has no recent backup: {1}",
        "Check the ScheduledBackup and the last Backup objects ('kubectl get backups -A'), the object store credentials and the barman-cloud plugin's logs");

    public static readonly DiagnosticDescriptor CnpgArchivingFailing = Error(
        "HO6132", "cnpg-wal-archiving-failing", "WAL archiving of a CloudNativePG cluster fails",
        "{0}: WAL archiving fails: {1}",
        "Until it works, the recovery window stops growing and WAL piles up on the WAL volume. Check the object store (endpoint, bucket, credentials) and the plugin sidecar's logs ('kubectl logs POD -c plugin-barman-cloud')");

    public static readonly DiagnosticDescriptor CnpgReplicationLag = Warning(
        "HO6133", "cnpg-replication-lag", "A CloudNativePG standby replays far behind its primary",
        "{0}: standby {1} replays {2} behind the primary (a warning above {3}, critical above {4}, as the tree's CNPGReplicationLag alerts)",
        "A standby that lags cannot take over without losing what it has not replayed. Look at the standby's disk and node ('kubectl cnpg status {5} -n {6}'), a long query on it (hot_standby_feedback), or the network between the nodes");

    public static readonly DiagnosticDescriptor CnpgStandbyNotStreaming = Warning(
        "HO6134", "cnpg-standby-not-streaming", "A CloudNativePG standby does not stream from its primary",
        "{0}: {1} of {2} standby(s) stream from the primary; not streaming: {3}",
        "A standby that does not stream falls back to WAL from the object store or stops; see 'kubectl cnpg status {4} -n {5}' and the standby's logs ('kubectl logs POD -c postgres -n {5}')");

    public static readonly DiagnosticDescriptor CnpgReplicationNotRead = Warning(
        "HO6135", "cnpg-replication-not-read", "CloudNativePG replication could not be read",
        "{0}: replication lag not read from {1}: {2}",
        "status asks the primary's instance manager (GET /pg/status on port 8000) through the API server's pod proxy; it needs the 'pods/proxy' get permission and a primary pod with an IP");

    public static readonly DiagnosticDescriptor LiveCertificateExpired = Error(
        "HO6140", "live-certificate-expired", "A cert-manager Certificate has expired",
        "Certificate {0} expired on {1} ({2} ago); clients refuse {3}",
        "cert-manager did not renew it: see why with 'kubectl -n {4} describe certificate {5}' and its CertificateRequest/Order (issuer, DNS-01 token), fix the cause, then 'cmctl renew -n {4} {5}'");

    public static readonly DiagnosticDescriptor CertificateNotReady = Error(
        "HO6141", "certificate-not-ready", "A cert-manager Certificate is not Ready",
        "Certificate {0} is not Ready: {1}",
        "See 'kubectl -n {2} describe certificate {3}' and the newest CertificateRequest and Order; the ClusterIssuer's Ready condition and the Cloudflare token (ExternalSecret) are the usual causes");

    public static readonly DiagnosticDescriptor CertificateExpiresSoon = Warning(
        "HO6142", "certificate-expires-soon", "A cert-manager Certificate expires soon and was not renewed",
        "Certificate {0} expires in {1} ({2}) and its renewal time {3} has passed",
        "cert-manager should have renewed it already: see 'kubectl -n {4} describe certificate {5}' and the issuer's Ready condition");

    public static readonly DiagnosticDescriptor ExternalSecretNotSynced = Error(
        "HO6150", "externalsecret-not-synced", "ExternalSecrets are not synced from 1Password",
        "{0} ExternalSecret(s) not synced ({1}): {2}",
        "Their Secrets keep the last synced value or do not exist. Check the 1Password item and field they name ('kubectl -n NAMESPACE describe externalsecret NAME'), and the ClusterSecretStore and 1Password Connect lines of this report");

    public static readonly DiagnosticDescriptor OnePasswordConnectUnhealthy = Error(
        "HO6160", "onepassword-connect-unhealthy", "1Password Connect reports a dependency that is not active",
        "1Password Connect {0} reports {1}",
        "TOKEN_NEEDED or an inactive sync means Connect cannot reach 1Password with its credentials: check the Secret onepassword-connect-credentials (re-run 'homeops bootstrap --from onepassword-connect') and 'kubectl -n onepassword-connect logs deploy/onepassword-connect -c connect-sync'");

    public static readonly DiagnosticDescriptor OnePasswordConnectMissing = Info(
        "HO6161", "onepassword-connect-missing", "1Password Connect's Service does not exist",
        "1Password Connect is not installed: there is no Service {0}",
        "Nothing to do if this cluster does not read secrets from 1Password; otherwise check the onepassword-connect Kustomization (the Flux section shows it)");

    public static readonly DiagnosticDescriptor EtcdMemberErrors = Error(
        "HO6170", "etcd-member-errors", "An etcd member reports errors",
        "etcd member {0} on {1} reports: {2}",
        "Look at 'talosctl -n {1} logs etcd' and 'talosctl -n {1} etcd status'; a member that stays broken is removed and rejoined as docs/recovery.md describes");

    public static readonly DiagnosticDescriptor EtcdAlarm = Error(
        "HO6171", "etcd-alarm", "etcd raised an alarm",
        "etcd member {0} on {1} raised alarm {2}",
        "NOSPACE: defragment ('talosctl -n {1} etcd defrag'), then 'talosctl -n {1} etcd alarm disarm'. CORRUPT: restore from a snapshot (docs/recovery.md). Writes to the cluster fail until the alarm is cleared");

    public static readonly DiagnosticDescriptor EtcdQuorumAtRisk = Error(
        "HO6172", "etcd-quorum", "etcd has lost quorum or is one failure from losing it",
        "etcd: {0} of {1} control-plane member(s) healthy; {2}",
        "Bring the other control-plane nodes back ('talosctl -n NODE health'); do not reboot, upgrade or reset another control-plane node until every member is healthy");

    public static readonly DiagnosticDescriptor TalosVolumeNotReady = Error(
        "HO6173", "talos-volume-not-ready", "A Talos volume is not ready",
        "Talos volume {0} on {1} is {2}{3}",
        "See 'talosctl -n {1} get volumestatus {0} -o yaml' and 'talosctl -n {1} get discoveredvolumes'; a missing USB SSD is usually unplugged or not powered (Longhorn's disk on it is then not schedulable)");

    public static readonly DiagnosticDescriptor TalosVersionSkew = Warning(
        "HO6174", "talos-version-skew", "Nodes run different Talos versions",
        "Nodes run different Talos versions: {0}; cluster.yaml asks for {1}",
        "Finish the upgrade with 'homeops upgrade talos': one node at a time, gated on etcd, Longhorn, Flux and PostgreSQL between nodes, skipping the nodes already upgraded ('homeops upgrade plan' shows the hops first)");

    // What `homeops doctor`'s protocol probes find: a service that answers, but wrongly.
    public static readonly DiagnosticDescriptor MqttRoundTripFailed = Error(
        "HO6181", "mqtt-round-trip-failed", "Mosquitto does not carry a message",
        "Mosquitto at {0}: {1}",
        "Check the broker's log ('kubectl -n home-automation logs deploy/mosquitto') and the mosquitto-users Secret its password file is built from; a refused login means the Secret and the broker disagree (restart the broker after a rotation)");

    public static readonly DiagnosticDescriptor PostgresCheckFailed = Error(
        "HO6182", "postgres-check-failed", "PostgreSQL does not answer as the apps need",
        "PostgreSQL at {0}: {1}",
        "A missing database is a Database object CloudNativePG has not applied ('kubectl -n postgresql-system get databases'); a refused login is a managed role whose Secret changed ('kubectl cnpg status postgresql-cluster -n postgresql-system')");

    public static readonly DiagnosticDescriptor RedisPingFailed = Error(
        "HO6183", "redis-ping-failed", "Redis does not answer PING",
        "Redis at {0}: {1}",
        "Check 'kubectl -n redis logs deploy/redis'; a refused password means the redis-auth Secret and the server's requirepass disagree (restart Redis after a rotation)");

    public static readonly DiagnosticDescriptor IngressHttpsFailed = Error(
        "HO6184", "ingress-https-failed", "An ingress host does not serve valid HTTPS",
        "https://{0} through {1}: {2}",
        "The Certificates section names the certificate and why it is not renewed; a default certificate means the Ingress's TLS Secret is missing; 502/503 means the Service behind the Ingress has no ready pods");

    public static readonly DiagnosticDescriptor MatterServerNotAnswering = Error(
        "HO6185", "matter-server-not-answering", "The Matter Server's WebSocket does not answer",
        "Matter Server at {0}: {1}",
        "Check 'kubectl -n matter-server logs deploy/matter-server'; the server sends its info only once its fabric is loaded, so a server stuck starting (storage, network interface) answers nothing");

    public static readonly DiagnosticDescriptor ServiceNotReachableFromHere = Info(
        "HO6186", "service-not-reachable-from-workstation", "A service has no address a workstation can reach",
        "{0} has no address outside the cluster: {1}",
        "Forward it and say where: 'kubectl -n {2} port-forward svc/{3} {4}', then 'homeops doctor --endpoint {5}=127.0.0.1:{4}' (docs/doctor.md)");

    public static readonly DiagnosticDescriptor ProbeCredentialsMissing = Error(
        "HO6187", "probe-credentials-missing", "The Secret a probe logs in with is missing",
        "Cannot log in to {0}: {1}",
        "The ExternalSecret that writes it is not synced (the External Secrets section says why), or its key was renamed in the tree");

    public static readonly DiagnosticDescriptor CnpgNoPrimary = Error(
        "HO6188", "cnpg-no-primary", "A CloudNativePG cluster has no ready primary",
        "PostgreSQL cluster {0} has no ready primary: {1}",
        "Writes fail until a primary is elected: see 'kubectl cnpg status {2} -n {3}'; do not drain or upgrade a node while it lasts");
}
