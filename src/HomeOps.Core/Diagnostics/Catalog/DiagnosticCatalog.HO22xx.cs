namespace HomeOps.Core.Diagnostics;

// HO22xx: rendered Talos configs (schema and meaning).
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor TalosUnknownField = Error(
        "HO2201", "talos-unknown-field", "Unknown field in Talos config",
        "'{0}' is not a field of the Talos v1.10 config{1}",
        "{2}");

    public static readonly DiagnosticDescriptor TalosWrongType = Error(
        "HO2202", "talos-wrong-type", "Talos config value has the wrong type",
        "'{0}' must be {1}, found {2}",
        "Write {1} here (Talos rejects the config otherwise)");

    public static readonly DiagnosticDescriptor TalosValueNotAllowed = Error(
        "HO2203", "talos-value-not-allowed", "Talos config value not allowed",
        "'{0}' is '{1}', which is not one of {2}",
        "Use one of {2}");

    public static readonly DiagnosticDescriptor TalosPatternMismatch = Error(
        "HO2204", "talos-pattern-mismatch", "Talos config value has the wrong format",
        "'{0}' is '{1}', which does not match {2}",
        "Write a value of the form the Talos schema expects ({2})");

    public static readonly DiagnosticDescriptor TalosMissingField = Error(
        "HO2205", "talos-missing-field", "Required Talos config field missing",
        "{0} needs '{1}'",
        "Add '{1}:' to it");

    public static readonly DiagnosticDescriptor TalosUnknownKind = Error(
        "HO2206", "talos-unknown-kind", "Unknown Talos document kind",
        "'{0}' (apiVersion {1}) is not a Talos v1.10 document kind",
        "Use one of: {2}");

    public static readonly DiagnosticDescriptor VipOutsideNodeNetwork = Error(
        "HO2211", "vip-outside-node-network", "VIP outside the node network",
        "The VIP {0} on {1} is not inside the node network {2}",
        "Use an address inside {2} (network.apiVip in cluster.yaml)");

    public static readonly DiagnosticDescriptor InstallDiskMissing = Error(
        "HO2212", "install-disk-missing", "No install disk",
        "Node {0} has neither machine.install.disk nor machine.install.diskSelector",
        "Set talos.installDisk in cluster.yaml; Talos cannot install on bare metal without it");

    public static readonly DiagnosticDescriptor TalosVersionMismatch = Error(
        "HO2213", "talos-version-mismatch", "Version differs from cluster.yaml",
        "'{0}' is '{1}', but cluster.yaml says {2} {3}",
        "Remove the override so the version comes from cluster.yaml, or change cluster.{4} there");

    public static readonly DiagnosticDescriptor CniNotNone = Error(
        "HO2214", "cni-not-none", "Talos would install a CNI",
        "cluster.network.cni.name is '{0}'; HomeOps installs Cilium itself, so it must be 'none'",
        "Set cluster.network.cni.name to none (talos/patches/all/cluster-network.yaml does)");

    public static readonly DiagnosticDescriptor KubeProxyEnabled = Error(
        "HO2215", "kube-proxy-enabled", "kube-proxy is enabled",
        "kube-proxy is enabled; Cilium replaces it (kube-proxy replacement), and both would program Services",
        "Set cluster.proxy.disabled: true (talos/patches/all/cluster-network.yaml does)");

    public static readonly DiagnosticDescriptor ExtensionConfigWithoutExtension = Warning(
        "HO2216", "extension-config-without-extension", "Extension service configured but not installed",
        "Node {0} configures extension service '{1}', but its installer has no {2}",
        "Add {2} to talos.extensions (or the node's extensions) in cluster.yaml, or remove the ExtensionServiceConfig");

    public static readonly DiagnosticDescriptor KubernetesDiscoveryRegistryUnsupported = Warning(
        "HO2217", "kubernetes-discovery-registry-unsupported", "Kubernetes discovery registry cannot work",
        "The Kubernetes discovery registry is enabled, but Kubernetes {0} no longer lets nodes annotate themselves for it",
        "Disable it (cluster.discovery.registries.kubernetes.disabled: true) and rely on the service registry");
}
