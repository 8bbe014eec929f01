namespace HomeOps.Fakes.Programs;

/// <summary>One modelled Talos node.</summary>
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

    /// <summary>True on control-plane nodes, which run an etcd member once etcd is bootstrapped.</summary>
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
}

/// <summary>A Talos VolumeStatus as `talosctl get volumestatus` shows it.</summary>
public sealed record FakeTalosVolume(string Id, string Phase, string Location, string PrettySize, string ErrorMessage = "");
