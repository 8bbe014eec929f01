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

    // HO2230-HO2259: Talos's own validation (siderolabs/talos v1.10.5), checked before a node refuses the config.
    // docs/talos.md cites the upstream file and line of each rule.
    public static readonly DiagnosticDescriptor VipOnWorker = Error(
        "HO2230", "vip-on-worker", "Shared VIP on a worker",
        "Node {0} is a worker, but {1} has a VIP ({2}); Talos allows a shared VIP only on control-plane nodes",
        "Remove the vip from this worker's patch: the API VIP (network.apiVip) belongs to the control planes");

    public static readonly DiagnosticDescriptor KubeletProtectedField = Error(
        "HO2231", "kubelet-protected-field", "kubelet setting Talos manages",
        "machine.kubelet.extraConfig sets '{0}', which Talos does not let a config override",
        "Remove '{0}': Talos sets it itself and refuses a config that overrides it (protected: {1})");

    public static readonly DiagnosticDescriptor EncryptionKeySlotDuplicate = Error(
        "HO2232", "encryption-key-slot-duplicate", "Two encryption keys in one LUKS slot",
        "{0}: key slot {1} is used by more than one key",
        "Give each key its own slot (0, 1, ...); a missing slot counts as 0");

    public static readonly DiagnosticDescriptor EncryptionKeysMissing = Error(
        "HO2233", "encryption-keys-missing", "Encryption without keys",
        "{0} is encrypted but has no keys",
        "Add a key, for example slot 0 with an empty nodeID mapping (bound to the machine) or tpm, or remove the encryption");

    public static readonly DiagnosticDescriptor EncryptionKeyWithoutType = Error(
        "HO2234", "encryption-key-without-type", "Encryption key of no kind",
        "{0}: the key in slot {1} names no key type",
        "Give the key one of nodeID (an empty mapping), static (passphrase), kms (endpoint) or tpm");

    public static readonly DiagnosticDescriptor EncryptionProviderMissing = Error(
        "HO2235", "encryption-provider-missing", "Encryption keys without a provider",
        "{0} has encryption keys but no provider",
        "Add 'provider: luks2' (the only provider Talos v1.10 has) or remove the encryption block");

    public static readonly DiagnosticDescriptor ExtensionServiceConfigEmpty = Error(
        "HO2236", "extension-service-config-empty", "Extension service configured with nothing",
        "ExtensionServiceConfig '{0}' has no config files and no environment",
        "Add configFiles (content and mountPath) or environment (KEY=value), or delete the document");

    public static readonly DiagnosticDescriptor ExtensionConfigFileIncomplete = Error(
        "HO2237", "extension-config-file-incomplete", "Extension config file incomplete",
        "A config file of ExtensionServiceConfig '{0}' has no {1}",
        "Every configFiles item needs both content and mountPath (the path inside the extension's container)");

    public static readonly DiagnosticDescriptor UserVolumeNameInvalid = Error(
        "HO2238", "user-volume-name-invalid", "User volume name Talos refuses",
        "UserVolumeConfig name '{0}' {1}",
        "Use 1-34 letters, digits and '-': Talos labels the partition u-<name>, and a partition label holds 36 characters");

    public static readonly DiagnosticDescriptor VolumeDiskSelectorMissing = Error(
        "HO2239", "volume-disk-selector-missing", "User volume without a disk selector",
        "UserVolumeConfig '{0}' has no provisioning.diskSelector.match",
        "Add a CEL expression that picks the disk, for example 'disk.model == \"Portable SSD T5\"' (storage.dataDisk.model in cluster.yaml)");

    public static readonly DiagnosticDescriptor VolumeSizeMissing = Error(
        "HO2240", "volume-size-missing", "User volume without a size",
        "UserVolumeConfig '{0}' has neither provisioning.minSize nor provisioning.maxSize",
        "Set maxSize (for example 1TB), or minSize with grow: true to take the whole disk");

    public static readonly DiagnosticDescriptor VolumeSizeInvalid = Error(
        "HO2241", "volume-size-invalid", "Volume size Talos cannot read",
        "{0} '{1}' is not a size: {2}",
        "Write a number with an optional unit: 100GB and 1TB are decimal, 50GiB and 1TiB binary, a plain number is bytes");

    public static readonly DiagnosticDescriptor VolumeMinSizeAboveMax = Error(
        "HO2242", "volume-min-size-above-max", "Volume minimum above its maximum",
        "{0}: minSize {1} ({2} bytes) is larger than maxSize {3} ({4} bytes)",
        "Lower minSize or raise maxSize");

    public static readonly DiagnosticDescriptor VolumeConfigNameUnsupported = Error(
        "HO2243", "volume-config-name-unsupported", "VolumeConfig for a volume Talos does not configure",
        "VolumeConfig '{0}' names a volume Talos v1.10 cannot configure",
        "VolumeConfig takes only EPHEMERAL or IMAGECACHE; a volume of your own is a UserVolumeConfig");

    public static readonly DiagnosticDescriptor KmsgLogConfigInvalid = Error(
        "HO2244", "kmsg-log-config-invalid", "Kernel log destination Talos refuses",
        "KmsgLogConfig '{0}' {1}",
        "Write the url as tcp://host:port/ or udp://host:port/ (a port, no path), and give the document a name");

    public static readonly DiagnosticDescriptor InstallKernelArgsIgnored = Warning(
        "HO2245", "install-kernel-args-ignored", "Kernel arguments a UEFI install ignores",
        "machine.install.extraKernelArgs ({0}) is ignored: Talos 1.10 boots UEFI installs with systemd-boot, which keeps the kernel command line built into its boot image",
        "Put kernel arguments in the Image Factory schematic; for talos.logging.kernel use talos.kernelLogging in cluster.yaml (a KmsgLogConfig document)");
}
