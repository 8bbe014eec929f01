using HomeOps.Operations.Checks;
using HomeOps.Operations.Config;
using HomeOps.Operations.GitOps;
using HomeOps.Runtime.Files;
using HomeOps.Runtime.Processes;
using HomeOps.Testing;

namespace HomeOps.Operations.Tests.Checks;

/// <summary>The tree part of `homeops check`: validate on the repository, skipped (and saying so) without kustomize.</summary>
public sealed class GitOpsCheckTests
{
    private static CheckContext RepositoryContext()
    {
        var workspace = Workspace.Locate(PhysicalFileSystem.Instance, RepositoryPaths.Root, null);
        return new CheckContext(workspace, ClusterConfigService.Load(workspace), TimeProvider.System);
    }

    [Fact]
    public async Task Run_WithKubectl_ValidatesTheTree()
    {
        var outcome = await new GitOpsCheck(ProcessCommandRunner.Instance, TimeProvider.System, new ValidateOptions { Offline = true })
            .RunAsync(RepositoryContext(), TestContext.Current.CancellationToken);
        outcome.Skipped.ShouldBeNull();
        outcome.HasErrors.ShouldBeFalse(string.Join("\n", outcome.Diagnostics));
        outcome.Summary.ShouldNotBeNull().ShouldContain("Kustomization(s)");
    }

    [Fact]
    public async Task Run_WithoutKustomizeOnPath_SkipsWithTheReason()
    {
        var empty = Directory.CreateTempSubdirectory("homeops-empty-path-").FullName;
        try
        {
            var outcome = await new GitOpsCheck(ProcessCommandRunner.Instance, TimeProvider.System, new ValidateOptions { Offline = true }, pathVariable: empty)
                .RunAsync(RepositoryContext(), TestContext.Current.CancellationToken);
            outcome.Diagnostics.ShouldBeEmpty();
            outcome.Skipped.ShouldNotBeNull().ShouldStartWith("kubectl (or kustomize) is not on PATH");
        }
        finally
        {
            Directory.Delete(empty);
        }
    }
}
