using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Operations.Recovery;

/// <summary>
/// The kinds recovery reads and writes besides Flux's, as their CRDs define them (schemas/crds/cnpg, schemas/crds/longhorn:
/// CloudNativePG 1.27 postgresql.cnpg.io/v1, Barman Cloud plugin 0.5 barmancloud.cnpg.io/v1, Longhorn 1.12 longhorn.io/v1beta2).
/// </summary>
public static class RecoveryResources
{
    public static readonly KubeResource DatabaseClusters = new("postgresql.cnpg.io", "v1", "clusters", "Cluster", true);
    public static readonly KubeResource DatabaseBackups = new("postgresql.cnpg.io", "v1", "backups", "Backup", true);
    public static readonly KubeResource ObjectStores = new("barmancloud.cnpg.io", "v1", "objectstores", "ObjectStore", true);
    public static readonly KubeResource SystemBackups = new("longhorn.io", "v1beta2", "systembackups", "SystemBackup", true);
    public static readonly KubeResource SystemRestores = new("longhorn.io", "v1beta2", "systemrestores", "SystemRestore", true);
    public static readonly KubeResource HelmRepositories = new("source.toolkit.fluxcd.io", "v1", "helmrepositories", "HelmRepository", true);
    public static readonly KubeResource OciRepositories = new("source.toolkit.fluxcd.io", "v1beta2", "ocirepositories", "OCIRepository", true);

    /// <summary>The Barman Cloud plugin's name in a Cluster's spec.plugins and a Backup's pluginConfiguration.</summary>
    public const string BarmanPlugin = "barman-cloud.cloudnative-pg.io";
}
