using YamlDotNet.RepresentationModel;

namespace HomeOps.Fakes.Programs;

/// <summary>
/// One modelled Talos node: its stage, the machine config applied to it (parsed, every document kept), the OS CA that
/// config carries (the node's API serves a certificate from it, so only a talosconfig with that CA is trusted) and
/// whether its etcd data directory (/var/lib/etcd, on EPHEMERAL) holds data.
/// </summary>
public sealed class FakeTalosNode(string name, string address)
{
    public string Name { get; } = name;

    public string Address { get; } = address;

    /// <summary>"maintenance" (no config yet) or "running".</summary>
    public string Stage { get; set; } = "maintenance";

    public bool Reachable { get; set; } = true;

    /// <summary>False while the node's clock is not synchronised (NTP blocked): Talos refuses to bootstrap etcd.</summary>
    public bool TimeSynced { get; set; } = true;

    public bool Configured => Stage == "running";

    public int Applies { get; set; }

    public int Resets { get; set; }

    public int Reboots { get; set; }

    public string? Image { get; set; }

    /// <summary>The Talos version the node runs (version --json's version.tag).</summary>
    public string TalosVersion { get; set; } = "v1.10.5";

    /// <summary>
    /// The Image Factory schematic ID of the image the node booted, reported as the virtual extension "schematic"
    /// (`talosctl get extensions`). Default: the vanilla schematic (no customization).
    /// </summary>
    public string Schematic { get; set; } = "376567988ad370138ad8b2698212367b8edcb69b5fd68c80be1f2ec7d603b4ba";

    /// <summary>The kubelet's version (the Node's status.nodeInfo.kubeletVersion), which `upgrade-k8s` moves.</summary>
    public string KubeletVersion { get; set; } = "v1.31.1";

    /// <summary>Accepted `talosctl upgrade` calls (each installs an image and reboots the node once).</summary>
    public int Upgrades { get; set; }

    /// <summary>
    /// Fault (one-shot): the image pulled under the requested name carries this schematic instead (a registry mirror
    /// serving another build under the same reference); the node boots it and reports it.
    /// </summary>
    public string? PullsSchematic { get; set; }

    /// <summary>Fault: the next upgraded image fails to boot and the node falls back to the image it ran before (A/B).</summary>
    public bool BootsOldImage { get; set; }

    /// <summary>True on control-plane nodes (until a config says otherwise: <see cref="MachineType"/> decides once applied).</summary>
    public bool ControlPlane { get; set; } = true;

    /// <summary>This node's etcd member id as talosctl formats it (16 hex digits).</summary>
    public string EtcdMemberId { get; set; } = string.Empty;

    /// <summary>What etcd status shows in ERRORS for this member (empty: healthy).</summary>
    public string EtcdErrors { get; set; } = string.Empty;

    /// <summary>etcd alarms raised by this member (NOSPACE, CORRUPT).</summary>
    public List<string> EtcdAlarms { get; } = [];

    /// <summary>The node's VolumeStatus resources: id, phase, location, size, error message.</summary>
    public List<FakeTalosVolume> Volumes { get; } =
    [
        new("META", "ready", "/dev/nvme0n1p5", "1.0 MB"),
        new("STATE", "ready", "/dev/nvme0n1p6", "105 MB"),
        new("EPHEMERAL", "ready", "/dev/nvme0n1p4", "250 GB"),
    ];

    /// <summary>The documents of the machine config applied last (null in maintenance mode), as the node parsed them.</summary>
    public IReadOnlyList<YamlMappingNode>? Config { get; set; }

    /// <summary>machine.type of the applied config: "controlplane", "worker" (or "init").</summary>
    public string? MachineType { get; set; }

    /// <summary>machine.ca.crt of the applied config (base64 PEM): the CA a talosconfig must carry to be trusted.</summary>
    public string? Ca { get; set; }

    /// <summary>The etcd data directory is not empty: etcd was bootstrapped here, or this member joined a running cluster.</summary>
    public bool EtcdData { get; set; }

    /// <summary>machine.type of the applied config when there is one, else <see cref="ControlPlane"/>.</summary>
    public bool IsControlPlane => MachineType is null ? ControlPlane : MachineType is "controlplane" or "init";
}

/// <summary>A Talos VolumeStatus as `talosctl get volumestatus` shows it.</summary>
public sealed record FakeTalosVolume(string Id, string Phase, string Location, string PrettySize, string ErrorMessage = "");
