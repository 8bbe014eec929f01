using HomeOps.Operations.Bootstrap;
using HomeOps.Operations.Status;
using HomeOps.Runtime.Files;

namespace HomeOps.Operations.Tests.Recovery;

/// <summary>Status and the recovery workflows find the kubeconfig one way, and say HO6001 alike when there is none.</summary>
public sealed class KubeconfigLocatorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("homeops-kubeconfig-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private Workspace Workspace => Workspace.Locate(PhysicalFileSystem.Instance, _root, null);

    private string Write(string relative)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "apiVersion: v1\n");
        return path;
    }

    [Fact]
    public void Resolve_EveryCandidatePresent_KubeconfigVariableThenTheBootstrapsThenHome()
    {
        var paths = BootstrapPaths.For(Workspace, "home-ops");
        var fromVariable = Write("elsewhere/config");
        var home = Write("home/.kube/config");
        Write(".homeops/home-ops/kubeconfig");
        var variables = new Dictionary<string, string?> { ["KUBECONFIG"] = fromVariable + Path.PathSeparator + home, ["HOME"] = Path.Combine(_root, "home") };

        KubeconfigLocator.Resolve(Workspace, paths, null, v => variables.GetValueOrDefault(v)).Path.ShouldBe(fromVariable);
        variables.Remove("KUBECONFIG");
        KubeconfigLocator.Resolve(Workspace, paths, null, v => variables.GetValueOrDefault(v)).Path.ShouldBe(paths.Kubeconfig);
        File.Delete(paths.Kubeconfig);
        KubeconfigLocator.Resolve(Workspace, paths, null, v => variables.GetValueOrDefault(v)).Path.ShouldBe(home);
        StatusTargets.Resolve(Workspace, null, null, v => variables.GetValueOrDefault(v)).Kubeconfig.ShouldBe(home);
    }

    [Fact]
    public void Require_NoneAnywhere_HO6001NamingWhereItLooked()
    {
        var choice = KubeconfigLocator.Resolve(Workspace, BootstrapPaths.For(Workspace, "home-ops"), null, _ => null);

        var diagnostic = choice.Require(Workspace, Core.Diagnostics.SourceSpan.File("cluster.yaml")).ShouldNotBeNull();

        diagnostic.Code.ShouldBe("HO6001");
        diagnostic.Message.ShouldContain("KUBECONFIG");
        StatusTargets.Resolve(Workspace, null, null, _ => null).KubeconfigMissing.ShouldBe(choice.MissingReason);
    }

    [Fact]
    public void Require_ExplicitFileMissing_HO6001NamingIt()
    {
        var choice = KubeconfigLocator.Resolve(Workspace, null, "nope/kubeconfig", _ => null);

        choice.Require(Workspace, Core.Diagnostics.SourceSpan.File("cluster.yaml"))!.Message.ShouldContain("nope/kubeconfig does not exist");
    }
}
