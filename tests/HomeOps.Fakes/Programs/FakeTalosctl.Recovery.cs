using System.Security.Cryptography;

namespace HomeOps.Fakes.Programs;

/// <summary>
/// What a rebuild needs from talosctl: a reset (STATE and EPHEMERAL) of the last configured node leaves no etcd
/// member, so the cluster's data is gone (<see cref="OnEtcdWiped"/>: the fake API server's store is emptied); and
/// `bootstrap --recover-from PATH`, Talos v1.10's disaster recovery (cmd/talosctl/cmd/talos/bootstrap.go:45-72 at
/// v1.10.5: the snapshot's status is read locally, it is uploaded with EtcdRecover, then Bootstrap runs with
/// RecoverEtcd). A missing file fails as os.Open does; a file that is not a snapshot of this fake (its trailing
/// SHA-256 does not match, as etcd checks a snapshot's hash on restore) is refused. The recovery counts as the one
/// etcd bootstrap and is recorded in <see cref="RecoveredFrom"/>.
/// Does not model: the snapshot's content (the fake API server stays empty, it does not get the objects back),
/// --recover-skip-hash-check, the Preparing state being required on every control plane.
/// </summary>
public sealed partial class FakeTalosctl
{
    /// <summary>Called when a reset left no configured node: etcd's data directory (on EPHEMERAL) is gone.</summary>
    public Action? OnEtcdWiped { get; set; }

    /// <summary>The snapshot paths etcd was recovered from, in order.</summary>
    public List<string> RecoveredFrom { get; } = [];

    /// <summary>Null when the bootstrap may go on (no --recover-from, or a good snapshot, recorded); else talosctl's failure.</summary>
    private FakeResult? RecoverFrom(List<string> args)
    {
        var at = args.FindIndex(a => a == "--recover-from" || a.StartsWith("--recover-from=", StringComparison.Ordinal));
        if (at < 0)
        {
            return null;
        }

        var path = args[at].Contains('=', StringComparison.Ordinal) ? args[at][(args[at].IndexOf('=', StringComparison.Ordinal) + 1)..] : at + 1 < args.Count ? args[at + 1] : string.Empty;
        if (!File.Exists(path))
        {
            return FakeResult.Error($"open {path}: no such file or directory\n");
        }

        var bytes = File.ReadAllBytes(path);
        if (bytes.Length <= 32 || !SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - 32)))
        {
            // Inferred: etcd's restore refuses a snapshot whose appended SHA-256 does not match.
            return FakeResult.Error("error executing bootstrap: rpc error: code = Unknown desc = failed to recover etcd: snapshot file integrity check failed\n");
        }

        RecoveredFrom.Add(path);
        return null;
    }
}
