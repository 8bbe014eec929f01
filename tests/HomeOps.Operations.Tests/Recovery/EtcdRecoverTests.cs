using HomeOps.Fakes.Programs;
using HomeOps.Runtime.Tools;

namespace HomeOps.Operations.Tests.Recovery;

/// <summary>
/// The etcd recovery a rebuild with --etcd-snapshot runs, as Talos v1.10's disaster recovery does it: a snapshot
/// taken with `talosctl etcd snapshot`, every node reset, the config applied again, then `talosctl bootstrap
/// --recover-from` on the first control plane, exactly once.
/// </summary>
public sealed class EtcdRecoverTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("homeops-etcd-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Bootstrap_RecoverFromTheBackupsSnapshot_TalosctlGetsTheFlagAndEtcdStartsOnceFromIt()
    {
        var (talos, node, talosconfig) = Cluster();
        var snapshot = Path.Combine(_dir, "etcd.snapshot");
        talos.Run(["etcd", "snapshot", snapshot, "--nodes", node.Address, "--endpoints", node.Address, "--talosconfig", talosconfig], null).ExitCode.ShouldBe(0);
        Reset(talos, node, talosconfig);

        var spec = Talosctl.Bootstrap(node.Address, talosconfig, snapshot);
        var result = talos.Run(spec.Arguments, null);

        result.ExitCode.ShouldBe(0, result.StandardError);
        spec.Arguments.ShouldContain("--recover-from");
        spec.Arguments[spec.Arguments.ToList().IndexOf("--recover-from") + 1].ShouldBe(snapshot);
        talos.RecoveredFrom.ShouldBe([snapshot]);
        talos.EtcdBootstraps.ShouldBe(2);
        talos.Run(spec.Arguments, null).StandardError.ShouldContain("AlreadyExists");
        talos.RecoveredFrom.ShouldHaveSingleItem();
    }

    [Fact]
    public void Bootstrap_RecoverFromAFileThatIsNoSnapshot_RefusedAndEtcdNotBootstrapped()
    {
        var (talos, node, talosconfig) = Cluster();
        Reset(talos, node, talosconfig);
        var file = Path.Combine(_dir, "not-a-snapshot");
        File.WriteAllText(file, "hello");

        var result = talos.Run(Talosctl.Bootstrap(node.Address, talosconfig, file).Arguments, null);

        result.ExitCode.ShouldNotBe(0);
        talos.RecoveredFrom.ShouldBeEmpty();
        talos.EtcdBootstrappedOn.ShouldBeNull();
    }

    private (FakeTalosctl Talos, FakeTalosNode Node, string Talosconfig) Cluster()
    {
        var node = new FakeTalosNode("mini01", "172.29.51.11") { Stage = "running" };
        var talos = new FakeTalosctl([node], "https://172.29.51.10:6443");
        var talosconfig = Path.Combine(_dir, "talosconfig");
        File.WriteAllText(talosconfig, "context: home-ops\n");
        talos.Run(Talosctl.Bootstrap(node.Address, talosconfig).Arguments, null).ExitCode.ShouldBe(0);
        return (talos, node, talosconfig);
    }

    private static void Reset(FakeTalosctl talos, FakeTalosNode node, string talosconfig)
    {
        talos.Run(Talosctl.Reset(node.Address, talosconfig).Arguments, null).ExitCode.ShouldBe(0);
        node.Stage = "running";
    }
}
