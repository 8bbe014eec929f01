using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HomeOps.Fakes.Programs;

/// <summary>
/// `talosctl etcd snapshot PATH` as talosctl v1.10 runs it (cmd/talosctl/cmd/talos/etcd.go, etcdSnapshotCmd): the
/// stream goes to PATH.part created with mode 0600, the size must be a multiple of 512 plus etcd's appended SHA-256
/// ("sha256 checksum not found" otherwise), then PATH.part is renamed to PATH and "etcd snapshot saved to ..." is
/// printed. Only a control plane running an etcd member answers; the bytes are a fake bolt database (a revision counter padded to 512
/// bytes) followed by its real SHA-256, so every snapshot differs and checksums over it are real.
/// Does not model: etcd quorum (every member answers), snapshot size or duration.
/// </summary>
public sealed partial class FakeTalosctl
{
    private int _revision;

    /// <summary>Every snapshot written: node address and path.</summary>
    public List<(string Node, string Path)> Snapshots { get; } = [];

    private FakeResult EtcdSnapshot(FakeTalosNode target, string path)
    {
        if (!target.Configured || !target.EtcdData || !target.IsControlPlane)
        {
            // Inferred from machined's EtcdSnapshot handler, which needs a running etcd member on the node.
            return FakeResult.Error("error reading file: rpc error: code = FailedPrecondition desc = etcd is not running on this node\n");
        }

        var body = new byte[1024];
        Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"fake bolt db of {target.Name} revision {++_revision}")).CopyTo(body, 0);
        var snapshot = body.Concat(SHA256.HashData(body)).ToArray();
        var part = path + ".part";
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(part, options))
            {
                stream.Write(snapshot);
            }

            File.Move(part, path, overwrite: true);
        }
        catch (IOException e)
        {
            return FakeResult.Error($"error creating temporary file: {e.Message}\n");
        }
        catch (UnauthorizedAccessException e)
        {
            return FakeResult.Error($"error creating temporary file: {e.Message}\n");
        }
        finally
        {
            File.Delete(part);
        }

        Snapshots.Add((target.Address, path));
        return FakeResult.Ok(string.Create(CultureInfo.InvariantCulture, $"etcd snapshot saved to \"{path}\" ({snapshot.Length} bytes)\n"));
    }
}
