using HomeOps.Core.Diagnostics;
using HomeOps.Operations.Config;
using HomeOps.Operations.Talos;
using HomeOps.Runtime.Files;
using HomeOps.Testing;

namespace HomeOps.Operations.Tests.Talos;

/// <summary>Reading talos/patches: what is applied, and what is reported as ignored instead of silently skipped.</summary>
public sealed class TalosPatchLoaderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("homeops-patches-").FullName;

    public TalosPatchLoaderTests()
    {
        File.Copy(RepositoryPaths.ClusterFile, Path.Combine(_root, "cluster.yaml"));
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Combine("talos", "patches"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_root, "talos", "patches", Path.GetRelativePath(RepositoryPaths.Combine("talos", "patches"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private (IReadOnlyList<Core.Talos.Patches.TalosPatch> Patches, IReadOnlyList<Diagnostic> Diagnostics) Load()
    {
        var workspace = Workspace.Locate(PhysicalFileSystem.Instance, _root, null);
        var config = ClusterConfigService.Load(workspace).Config!;
        var bag = new DiagnosticBag();
        return (TalosPatchLoader.Load(workspace, config, bag), bag.Sorted());
    }

    [Fact]
    public void Load_RepositoryPatches_NoDiagnostics() => Load().Diagnostics.ShouldBeEmpty();

    [Theory]
    [InlineData("talos/patches/controlplane/kubelet.yaml.bak")]
    [InlineData("talos/patches/all/README.md")]
    [InlineData("talos/patches/nodes/mini01.yaml")]
    public void Load_FileThatIsNoPatch_WarnsThatItIsIgnoredAndAppliesTheRest(string stray)
    {
        var before = Load().Patches.Count;
        var path = Path.Combine(_root, stray);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "machine:\n  sysctls:\n    vm.swappiness: \"1\"\n");

        var (patches, diagnostics) = Load();

        var diagnostic = diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("HO2108");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Warning);
        diagnostic.Location.Path.ShouldBe(stray);
        diagnostic.Message.ShouldContain("is not applied");
        patches.Count.ShouldBe(before);
    }

    [Fact]
    public void Load_DotFile_SkippedWithoutAWarning()
    {
        File.WriteAllText(Path.Combine(_root, "talos", "patches", "all", ".DS_Store"), "junk");

        Load().Diagnostics.ShouldBeEmpty();
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
