using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Model;

namespace HomeOps.Core.Tests.GitOps;

/// <summary>Which Kustomizations a changed file feeds, and where the diagnostics `validate --changed-only` shows are.</summary>
public sealed class ChangedScopeTests
{
    private static readonly KustomizationFeed Web = new(
        "flux-system/web",
        ["apps/web/kustomization.yaml", "apps/web/helmrelease.yaml"],
        ["charts/web/", "clusters/lab/apps.yaml", "clusters/lab/vars.yaml"],
        new SourceSpan("clusters/lab/apps.yaml", 20, 1, 27, 1));

    private static readonly KustomizationFeed Db = new("flux-system/db", ["apps/db/cluster.yaml"], ["clusters/lab/apps.yaml"], new SourceSpan("clusters/lab/apps.yaml", 6, 1, 12, 1));

    [Theory]
    [InlineData("charts/web/templates/deployment.yaml", "flux-system/web")]
    [InlineData("charts/web2/values.yaml", "")]
    [InlineData("clusters/lab/vars.yaml", "flux-system/web")]
    [InlineData("apps/db/cluster.yaml", "flux-system/db")]
    [InlineData("clusters/lab/apps.yaml", "flux-system/web flux-system/db")]
    public void Of_ChangedFile_FindsTheKustomizationsThatReadIt(string changed, string expected)
    {
        var scope = ChangedScope.Of([changed], [Web, Db], ["cluster.yaml", ".homeops.yaml", "schemas/"]);

        string.Join(' ', scope.Kustomizations).ShouldBe(expected);
        scope.Everything.ShouldBeFalse();
    }

    [Fact]
    public void Shows_ChartChanged_TheReleaseFileAndTheSpecOfItsKustomizationButNotAnotherSpecInTheSameFile()
    {
        var scope = ChangedScope.Of(["charts/web/values.yaml"], [Web, Db], []);

        scope.Shows("charts/web/values.yaml", 3).ShouldBeTrue();
        scope.Shows("apps/web/helmrelease.yaml", 9).ShouldBeTrue();
        scope.Shows("clusters/lab/apps.yaml", 24).ShouldBeTrue();
        scope.Shows("clusters/lab/apps.yaml", 8).ShouldBeFalse();
        scope.Shows("apps/db/cluster.yaml", 1).ShouldBeFalse();
    }

    [Fact]
    public void Of_FileInAGlobalFolderChanged_ChangesEverything()
    {
        var scope = ChangedScope.Of(["schemas/cert-manager/certificate.json"], [Web, Db], ["cluster.yaml", "schemas/"]);

        scope.Everything.ShouldBeTrue();
        scope.Kustomizations.Count.ShouldBe(2);
        scope.Shows("anything/else.yaml", 1).ShouldBeTrue();
    }
}
