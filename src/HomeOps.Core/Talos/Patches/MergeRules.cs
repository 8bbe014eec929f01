namespace HomeOps.Core.Talos.Patches;

/// <summary>
/// How Talos v1.10 merges lists (pkg/machinery/config/merge and the Merge methods of the config types): lists are
/// appended, except the ones below. Paths are document-relative with "[]" for list items; documents other than
/// v1alpha1 are prefixed with their kind.
/// </summary>
internal static class MergeRules
{
    /// <summary>Replaced as a whole by a patch (merge:"replace").</summary>
    public static readonly IReadOnlySet<string> Replace = new HashSet<string>(StringComparer.Ordinal)
    {
        "cluster.network.podSubnets",
        "cluster.network.serviceSubnets",
        "cluster.apiServer.auditPolicy",
        "NetworkRuleConfig:ingress",
        "NetworkRuleConfig:portSelector.ports",
    };

    /// <summary>Lists whose items merge into the base item with the same value of one of these keys.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Keyed = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["machine.network.interfaces"] = ["interface", "deviceSelector"],
        ["machine.network.interfaces[].vlans"] = ["vlanId"],
        ["cluster.apiServer.admissionControl"] = ["name"],
        ["ExtensionServiceConfig:configFiles"] = ["mountPath"],
    };

    /// <summary>Values that come from the secrets bundle; a patch may not set them.</summary>
    public static readonly IReadOnlySet<string> Secrets = new HashSet<string>(StringComparer.Ordinal)
    {
        "machine.token", "machine.ca", "machine.ca.crt", "machine.ca.key", "machine.acceptedCAs",
        "cluster.id", "cluster.secret", "cluster.token", "cluster.aescbcEncryptionSecret", "cluster.secretboxEncryptionSecret",
        "cluster.ca", "cluster.ca.crt", "cluster.ca.key", "cluster.aggregatorCA", "cluster.aggregatorCA.crt", "cluster.aggregatorCA.key",
        "cluster.serviceAccount", "cluster.serviceAccount.key", "cluster.etcd.ca", "cluster.etcd.ca.crt", "cluster.etcd.ca.key",
        "cluster.acceptedCAs",
    };
}
