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
}
