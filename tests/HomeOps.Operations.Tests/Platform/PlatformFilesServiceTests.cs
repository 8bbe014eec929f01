using HomeOps.Operations.Config;
using HomeOps.Operations.Platform;
using HomeOps.Testing;

namespace HomeOps.Operations.Tests.Platform;

/// <summary>`homeops render` as a workflow, on an in-memory repository holding only the bundled cluster.yaml.</summary>
public sealed class PlatformFilesServiceTests
{
    private readonly InMemoryFileSystem _files = new();

    private Workspace Repository()
    {
        _files.WriteAllTextAtomic("/repo/cluster.yaml", File.ReadAllText(RepositoryPaths.ClusterFile));
        _files.CreateDirectory("/repo/docs");
        return Workspace.Locate(_files, "/repo/docs", clusterFile: null);
    }

    [Fact]
    public void Locate_FromASubfolder_FindsTheClusterFileAbove()
    {
        var workspace = Repository();

        workspace.Root.ShouldBe("/repo");
        workspace.Display(workspace.ClusterFile).ShouldBe("../cluster.yaml");
    }

    [Fact]
    public void Write_ThenPlanAgain_EverythingUpToDate()
    {
        var workspace = Repository();
        var plan = PlatformFilesService.Plan(workspace, ClusterConfigService.Load(workspace));
        plan.HasErrors.ShouldBeFalse();
        plan.Files.ShouldNotBeEmpty();
        plan.Files.ShouldAllBe(f => f.State == GeneratedFileState.Missing);

        PlatformFilesService.Write(workspace, plan).Count.ShouldBe(plan.Files.Count);

        var again = PlatformFilesService.Plan(workspace, ClusterConfigService.Load(workspace));
        again.Changed.ShouldBeEmpty();
        again.Staleness().ShouldBeEmpty();
    }

    [Fact]
    public void Plan_AHandEditedFile_IsStaleAndReportedAsSuch()
    {
        var workspace = Repository();
        PlatformFilesService.Write(workspace, PlatformFilesService.Plan(workspace, ClusterConfigService.Load(workspace)));
        var edited = PlatformFilesService.Plan(workspace, ClusterConfigService.Load(workspace)).Files[0];
        _files.WriteAllTextAtomic(edited.FullPath, "# edited by hand\n");

        var plan = PlatformFilesService.Plan(workspace, ClusterConfigService.Load(workspace));

        plan.Changed.Single().FullPath.ShouldBe(edited.FullPath);
        plan.Staleness().Single().Code.ShouldBe("HO3801");
    }

    [Fact]
    public void Plan_MissingClusterFile_IsADiagnosticAndNothingRendered()
    {
        var workspace = Workspace.Locate(_files, "/empty", clusterFile: null);

        var plan = PlatformFilesService.Plan(workspace, ClusterConfigService.Load(workspace));

        plan.Files.ShouldBeEmpty();
        plan.Diagnostics.Single().Code.ShouldBe("HO0001");
    }
}
