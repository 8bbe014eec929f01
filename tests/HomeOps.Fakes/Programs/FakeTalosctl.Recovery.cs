namespace HomeOps.Fakes.Programs;

/// <summary>
/// What a rebuild needs from talosctl: a reset (STATE and EPHEMERAL) of the last configured node leaves no etcd
/// member, so the cluster's data is gone (<see cref="OnEtcdWiped"/>: the fake API server's store is emptied).
/// </summary>
public sealed partial class FakeTalosctl
{
    /// <summary>Called when a reset left no configured node: etcd's data directory (on EPHEMERAL) is gone.</summary>
    public Action? OnEtcdWiped { get; set; }
}
