namespace HomeOps.Core.Status;

/// <summary>A Talos node status asks: its name, the address talosctl reaches and whether it runs etcd.</summary>
public sealed record TalosNode(string Name, string Address, bool ControlPlane);

/// <summary>What one talosctl call over all nodes printed, or why it printed nothing.</summary>
public sealed record TalosAnswer(string Command, string Output, string Errors, bool Failed)
{
    public static TalosAnswer Ok(string command, string output, string errors = "") => new(command, output, errors, false);

    public static TalosAnswer Failure(string command, string errors) => new(command, string.Empty, errors, true);

    /// <summary>The line of the errors that names <paramref name="address"/> (talosctl's per-node warning), if any.</summary>
    public string? ErrorFor(string address) =>
        Errors.Split('\n').Select(l => l.Trim().TrimStart('*').Trim()).FirstOrDefault(l => l.StartsWith(address + ":", StringComparison.Ordinal) || l.Contains($" {address}:", StringComparison.Ordinal));
}

/// <summary>The four talosctl calls of the Talos section: version, etcd status, etcd alarms, volume status.</summary>
public sealed record TalosReadings(TalosAnswer Versions, TalosAnswer EtcdStatus, TalosAnswer EtcdAlarms, TalosAnswer Volumes);
