namespace HomeOps.Core.Talos.Secrets;

/// <summary>Lifetimes and names Talos v1.10 uses for its PKI (pkg/machinery/config/generate/secrets, constants.go).</summary>
public static class TalosPkiPolicy
{
    /// <summary>CAValidityTime: 87600h (10 years).</summary>
    public static readonly TimeSpan CaValidity = TimeSpan.FromHours(87600);

    /// <summary>TalosAPIDefaultCertificateValidityDuration: 8760h (1 year), for the talosconfig admin certificate.</summary>
    public static readonly TimeSpan AdminCertificateValidity = TimeSpan.FromHours(8760);

    /// <summary>The service-account key size for version contracts after 1.6.</summary>
    public const int ServiceAccountRsaBits = 4096;

    public const string OsOrganization = "talos";
    public const string KubernetesOrganization = "kubernetes";
    public const string EtcdOrganization = "etcd";

    /// <summary>role.Admin: the organization of the talosconfig client certificate.</summary>
    public const string AdminRole = "os:admin";
}
