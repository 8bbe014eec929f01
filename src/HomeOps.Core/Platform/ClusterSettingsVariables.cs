using System.Globalization;
using HomeOps.Core.ClusterConfig;

namespace HomeOps.Core.Platform;

/// <summary>
/// The cluster-specific values of the GitOps tree: the keys of the cluster-settings ConfigMap that Flux substitutes
/// into Kustomizations (postBuild.substituteFrom). The bootstrap applies the same values when it installs the
/// charts Flux later adopts, so both read them from here.
/// </summary>
public static class ClusterSettingsVariables
{
    /// <summary>The variables, in the order they are written. Call only when <see cref="PlatformRequirements"/> found nothing.</summary>
    public static IReadOnlyList<SettingVariable> From(ClusterDefinition config)
    {
        var storage = config.Storage ?? throw new ArgumentException("storage is required", nameof(config));
        var backup = storage.Backup ?? throw new ArgumentException("storage.backup is required", nameof(config));
        var database = storage.EffectiveDatabaseBackup!;
        var tunnel = config.Cloudflare ?? throw new ArgumentException("cloudflare is required", nameof(config));
        var pods4 = config.Network.PodNetworks[0];
        var pods6 = config.Network.PodNetworks.Count > 1 ? config.Network.PodNetworks[1] : null;
        return
        [
            new("CLUSTER_NAME", config.Cluster.Name, "cluster.name"),
            new("CLUSTER_DNS_DOMAIN", config.Cluster.DnsDomain, "cluster.dnsDomain"),
            new("POD_CIDR_IPV4", pods4.ToString(), "network.podNetworks[0]"),
            new("POD_CIDR_IPV4_NODE_MASK", Text(NodeMaskSize(pods4.PrefixLength, 32)), "network.podNetworks[0]: the prefix of each node's block of pod addresses"),
            new("IPV6_ENABLED", pods6 is null ? "false" : "true", "network.podNetworks: true when an IPv6 pod network is listed"),
            new("POD_CIDR_IPV6", pods6?.ToString() ?? string.Empty, "network.podNetworks[1] (empty without IPv6)"),
            new("POD_CIDR_IPV6_NODE_MASK", Text(pods6 is null ? 120 : NodeMaskSize(pods6.PrefixLength, 128)), "network.podNetworks[1]: the prefix of each node's block of pod addresses"),
            new("DOMAIN_PUBLIC", config.Domains.Public, "domains.public"),
            new("DOMAIN_INTERNAL", config.Domains.Internal, "domains.internal"),
            new("ACME_EMAIL", config.Domains.AcmeEmail ?? string.Empty, "domains.acmeEmail"),
            new("UNIFI_CONTROLLER_URL", config.Domains.UnifiController ?? $"https://{config.Network.Gateway}", "domains.unifiController (default https://<network.gateway>)"),
            new("CLOUDFLARE_TUNNEL_ID", tunnel.TunnelId, "cloudflare.tunnelId"),
            new("ONEPASSWORD_VAULT", config.Secrets.OnePassword.Vault, "secrets.onePassword.vault"),
            new("STORAGE_CLASS", storage.StorageClass, "storage.storageClass"),
            new("STORAGE_REPLICAS", Text(storage.Replicas), "storage.replicas"),
            new("STORAGE_DISK_TAG", storage.DiskTag, "storage.diskTag"),
            new("STORAGE_DATA_PATH", storage.DataDisk.MountPath, "storage.dataDisk.volumeName: the user volume's mount path"),
            new("LONGHORN_BACKUP_TARGET", backup.LonghornTarget, "storage.backup: s3://<bucket>@<region>/<path>"),
            new("LONGHORN_BACKUP_ENDPOINT", backup.Endpoint ?? string.Empty, "storage.backup.endpoint (empty for AWS S3)"),
            new("DATABASE_BACKUP_DESTINATION", database.BarmanDestination, "storage.databaseBackup (default: storage.backup's bucket, path postgresql): s3://<bucket>/<path>"),
            new("DATABASE_BACKUP_REGION", database.Region, "storage.databaseBackup.region"),
            new("DATABASE_BACKUP_ENDPOINT", database.Endpoint ?? string.Empty, "storage.databaseBackup.endpoint (empty for AWS S3)"),
            new("NODE_INTERFACE", config.Network.Interface, "network.interface: the nodes' network interface (Matter's link-local IPv6)"),

            // kustomize drops the quotes around "${NAME}" before Flux substitutes, so a value that must stay a
            // string (a number, or an empty value) is written ${QUOTE}${NAME}${QUOTE}.
            new("QUOTE", "\"", "a double quote: ${QUOTE}${NAME}${QUOTE} keeps a value a string (kustomize drops the quotes of \"${NAME}\")"),
        ];
    }

    /// <summary>
    /// The prefix of the block of pod addresses Cilium gives each node. Cilium's cluster pool allows at most 2^16
    /// blocks per network, so a block is 16 bits longer than the network, but no longer than a /24 (IPv4) or
    /// /120 (IPv6), Cilium's defaults; tiny networks are split in four.
    /// </summary>
    public static int NodeMaskSize(int prefixLength, int bits)
    {
        var preferred = bits == 32 ? 24 : 120;
        return prefixLength < preferred
            ? Math.Min(preferred, prefixLength + 16)
            : Math.Min(prefixLength + 2, bits - 1);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
