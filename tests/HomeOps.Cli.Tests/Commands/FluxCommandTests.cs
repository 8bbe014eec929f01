using HomeOps.Testing;

namespace HomeOps.Cli.Tests.Commands;

/// <summary>`homeops flux suspend|resume` as the operator types it: the dry-run plan follows the graph, bad input is refused plainly.</summary>
public sealed class FluxCommandTests
{
    [Fact]
    public async Task ResumeDryRun_RepositoryTree_PrintsDepthsInGraphOrderAndChangesNothing()
    {
        var result = await CliRunner.RunAsync(RepositoryPaths.Root, "flux", "resume", "--dry-run");

        result.ExitCode.ShouldBe(0, result.Out + result.Error);
        result.Out.ShouldContain("resume kustomization flux-system/flux-system (spec.suspend: false)");
        result.Out.IndexOf("resume kustomization flux-system/cert-manager ", StringComparison.Ordinal)
            .ShouldBeLessThan(result.Out.IndexOf("resume kustomization flux-system/authentik ", StringComparison.Ordinal));
        result.Out.ShouldContain("flux resume: dry run, nothing was changed");
    }

    [Fact]
    public async Task SuspendDryRun_UnknownName_HO7002ListsTheKustomizations()
    {
        var result = await CliRunner.RunAsync(RepositoryPaths.Root, "flux", "suspend", "cert-manger", "--dry-run");

        result.ExitCode.ShouldBe(1, result.Out + result.Error);
        result.Out.ShouldContain("HO7002");
        result.Out.ShouldContain("cert-manager");
    }

    [Fact]
    public async Task Resume_TimeoutZero_IsUsageError()
    {
        var result = await CliRunner.RunAsync(RepositoryPaths.Root, "flux", "resume", "--dry-run", "--timeout", "0");

        result.ExitCode.ShouldBe(2, result.Out + result.Error);
        result.Error.ShouldContain("at least 1");
    }

    [Fact]
    public async Task Suspend_KubeconfigThatDoesNotExist_HO6001NamesIt()
    {
        // --kubeconfig wins over $KUBECONFIG and the repository's own kubeconfig, and a missing file is named as given.
        var missing = Path.Combine(Path.GetTempPath(), $"homeops-{Guid.NewGuid():N}", "kubeconfig");
        var result = await CliRunner.RunAsync(RepositoryPaths.Root, "flux", "suspend", "cert-manager", "--kubeconfig", missing);

        result.ExitCode.ShouldBe(1, result.Out + result.Error);
        result.Out.ShouldContain("HO6001");
        // Named as the diagnostics name files: relative to the repository when that is shorter.
        result.Out.ShouldContain($"{Path.GetFileName(Path.GetDirectoryName(missing))}/kubeconfig");
    }
}
