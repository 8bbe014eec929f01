using HomeOps.Core.GitOps.Build;

namespace HomeOps.Core.Tests.GitOps;

public sealed class KustomizeInputsTests
{
    [Fact]
    public void Generate_FolderWithoutKustomization_ListsYamlAndStopsAtKustomizationFolders()
    {
        var tree = new MemorySourceTree(new()
        {
            ["app/a.yaml"] = "x", ["app/b.yml"] = "x", ["app/readme.md"] = "x", ["app/sub/c.yaml"] = "x",
            ["app/base/kustomization.yaml"] = "resources: [d.yaml]", ["app/base/d.yaml"] = "x", ["app/.sourceignore"] = "ignored.yaml\n",
            ["app/ignored.yaml"] = "x",
        });
        var ignore = SourceIgnore.Load(tree);
        KustomizeInputs.Generate(tree, "app", ignore).ShouldBe(["app/a.yaml", "app/b.yml", "app/base", "app/sub/c.yaml"]);
        KustomizeInputs.Collect(tree, "app", ignore).Files.ShouldBe(["app/a.yaml", "app/b.yml", "app/base/d.yaml", "app/base/kustomization.yaml", "app/sub/c.yaml"]);
    }

    [Fact]
    public void Collect_FollowsResourcesPatchesAndGenerators()
    {
        var tree = new MemorySourceTree(new()
        {
            ["app/kustomization.yaml"] = "resources: [../base, svc.yaml, https://example.com/x.yaml]\npatches:\n  - path: patch.yaml\nconfigMapGenerator:\n  - name: c\n    files: [conf=settings.conf]\n",
            ["app/svc.yaml"] = "x", ["app/patch.yaml"] = "x", ["app/settings.conf"] = "x", ["app/unused.yaml"] = "x",
            ["base/kustomization.yaml"] = "resources: [d.yaml]", ["base/d.yaml"] = "x",
        });
        var inputs = KustomizeInputs.Collect(tree, "app", SourceIgnore.Load(tree));
        inputs.Files.ShouldBe(["app/kustomization.yaml", "app/patch.yaml", "app/settings.conf", "app/svc.yaml", "base/d.yaml", "base/kustomization.yaml"]);
        inputs.RemoteResources.ShouldBe(["https://example.com/x.yaml"]);
        inputs.GeneratedResources.ShouldBeNull();
    }
}
