namespace HomeOps.Core.ClusterConfig;

/// <summary>
/// Official Talos system extensions (siderolabs/extensions, the image names built by its Makefile), so a typo is
/// caught before the Image Factory rejects the schematic. Runtime service IDs such as ext-lldpd are not names.
/// </summary>
public static class KnownExtensions
{
    public static readonly IReadOnlySet<string> Names = new SortedSet<string>(StringComparer.Ordinal)
    {
        "amazon-ena", "amdgpu", "amd-ucode", "binfmt-misc", "bird2", "bnx2-bnx2x", "btrfs", "cachefilesd",
        "chelsio-drivers", "chelsio-firmware", "cloudflared", "crun", "ctr", "drbd", "dvb-cx23885", "dvb-m88ds3103",
        "dvb-pt3", "ecr-credential-provider", "fuse3", "gasket-driver", "gpio-pinctrl", "glibc", "gvisor",
        "gvisor-debug", "hailort", "harbor-credential-provider", "hello-world-service", "hyperv-guest-agent", "i915",
        "intel-hd-audio", "intel-ice-firmware", "intel-npu", "intel-ucode", "iscsi-tools", "joydev",
        "kata-containers", "libvirtd", "lldpd", "mdadm", "mei", "mellanox-mstflint", "metal-agent",
        "multipath-tools", "nebula", "netbird", "newt", "nfs-server", "nfs-utils", "nfsd", "nfsrahead", "nut-client",
        "nvidia-container-toolkit-lts", "nvidia-container-toolkit-production", "nvidia-fabricmanager-lts",
        "nvidia-fabricmanager-production", "nvidia-open-gpu-kernel-modules-lts",
        "nvidia-open-gpu-kernel-modules-production", "nonfree-kmod-nvidia-lts", "nonfree-kmod-nvidia-production",
        "nvme-cli", "panfrost", "px-fuse", "qemu-guest-agent", "qlogic-firmware", "realtek-firmware",
        "revpi-firmware", "rockchip-rknn", "soci-snapshotter", "spin", "stargz-snapshotter", "tailscale",
        "tenstorrent", "thunderbolt", "trident-iscsi-tools", "uhid", "uinput", "usb-audio-drivers",
        "usb-modem-drivers", "util-linux-tools", "v4l-uvc-drivers", "vc4", "vmtoolsd-guest-agent", "wasmedge",
        "xdma-driver", "xe", "xen-guest-agent", "youki", "zerotier", "zfs",
    }.Select(n => "siderolabs/" + n).ToHashSet(StringComparer.Ordinal);

    /// <summary>Runtime service IDs people write by mistake, mapped to the extension that provides them.</summary>
    public static readonly IReadOnlyDictionary<string, string> ServiceIds = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["siderolabs/ext-lldpd"] = "siderolabs/lldpd",
        ["ext-lldpd"] = "siderolabs/lldpd",
        ["siderolabs/ext-iscsid"] = "siderolabs/iscsi-tools",
        ["ext-iscsid"] = "siderolabs/iscsi-tools",
        ["siderolabs/ext-tailscale"] = "siderolabs/tailscale",
    };

    public static bool IsKnown(string name) => Names.Contains(name);
}
